package org.orderflow.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Reads a test server's {@code /metrics}: HTTPS only, with an operator's token, as the server
 * requires. The test servers use Liberty's self-signed certificate, so this client (tests only)
 * trusts any certificate.
 */
public final class Metrics {

    /** The HTTPS port of the Arquillian test server. */
    public static final int HTTPS_PORT = Integer.parseInt(System.getProperty("it.https.port", "9543"));

    /**
     * HTTP/1.1: over TLS the client would negotiate HTTP/2 and keep the connection open, and
     * Liberty's shutdown then waits its whole 30 s quiesce period for it.
     */
    private static final HttpClient HTTPS = HttpClient.newBuilder().sslContext(trustingAnyCertificate())
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private Metrics() {
    }

    /** GET https://127.0.0.1:{httpsPort}/metrics?{query} with the Authorization header given (null: none). */
    public static HttpResponse<String> read(int httpsPort, String authorization, String query) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + httpsPort + "/metrics"
                + (query == null ? "" : "?" + query))).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTPS.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The Arquillian server's metrics, read with a token holding every role. */
    public static String body(String query) {
        HttpResponse<String> response = read(HTTPS_PORT, Api.client().authorization(), query);
        if (response.statusCode() == 401) { // a redeployed application's issuer has a new key
            Tokens.forget(Api.client().server());
            response = read(HTTPS_PORT, Api.client().authorization(), query);
        }
        if (response.statusCode() != 200) {
            throw new AssertionError("/metrics answered " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static SSLContext trustingAnyCertificate() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            // an extended trust manager does its own endpoint identification: here, none
            context.init(null, new TrustManager[] {new X509ExtendedTrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
                }

                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
