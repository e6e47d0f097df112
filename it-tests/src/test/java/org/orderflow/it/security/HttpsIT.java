package org.orderflow.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderflow.it.support.OwnServer;

/**
 * HTTPS with a keystore the operator provides (README, Security): a server of its own is given a
 * PKCS#12 keystore made here with keytool through the two settings the README names, and a
 * client that trusts only that keystore's certificate reaches the API over TLS.
 */
class HttpsIT {

    private static final int HTTP_PORT = 9681;
    private static final int HTTPS_PORT = HTTP_PORT + 362;
    private static final String PASSWORD = "it-" + UUID.randomUUID();

    private static Path keystore;
    private static OwnServer server;

    @BeforeAll
    static void startWithAProvidedKeystore() throws Exception {
        keystore = Files.createTempDirectory("orderflow-https").resolve("provided.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "orderflow", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=orderflow-https-it", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as("keytool: " + output).isZero();
        server = OwnServer.create("orderflow-https", HTTP_PORT, "orderflow_https", Map.of(
                "keystore.location", keystore.toString(),
                "keystore.password", PASSWORD,
                "orderflow.outbox.enabled", "false",
                "orderflow.projections.enabled", "false"));
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void the_api_answers_over_https_with_the_provided_certificate() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trustingOnly(keystore)).connectTimeout(Duration.ofSeconds(10))
                .build();
        String base = "https://127.0.0.1:" + HTTPS_PORT;

        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> orders = client.send(HttpRequest.newBuilder(URI.create(base + "/orderflow/api/orders"))
                .header("Authorization", server.authorization()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(URI.create(base + "/orderflow/api/orders")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(orders.statusCode()).as(orders.body()).isEqualTo(200);
        assertThat(anonymous.statusCode()).as("a token is needed over HTTPS too").isEqualTo(401);
        SSLSession tls = orders.sslSession().orElseThrow();
        assertThat(((X509Certificate) tls.getPeerCertificates()[0]).getSubjectX500Principal().getName())
                .isEqualTo("CN=orderflow-https-it");
        assertThat(tls.getProtocol()).isIn("TLSv1.2", "TLSv1.3");
    }

    /** An SSL context whose only trusted certificate is the one in the provided keystore. */
    private static SSLContext trustingOnly(Path keystore) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
