package org.orderflow.it.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens for the tests, from the development issuer of the server under test
 * ({@code /orderflow/dev/token}, which the test servers enable), and forged ones: signed by a key
 * of the test's own, which no server trusts.
 */
public final class Tokens {

    /** Every role of the API. */
    public static final List<String> ALL_ROLES = List.of("reader", "order-writer", "catalogue-manager", "operator",
            "platform-operator");
    /** The roles of a tenant's own operator (no platform role). */
    public static final List<String> TENANT_ROLES = List.of("reader", "order-writer", "catalogue-manager", "operator");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Map<String, String> ISSUED = new ConcurrentHashMap<>();
    private static final RSAKey FORGER = newKey();

    private Tokens() {
    }

    /** A valid token from the server at {@code server} (http://host:port), cached per claims. */
    public static String issue(String server, String subject, String tenant, List<String> roles) {
        return ISSUED.computeIfAbsent(server + "|" + subject + "|" + tenant + "|" + roles,
                key -> fetch(server, subject, tenant, roles, 3600));
    }

    /**
     * Forgets the tokens of the server at {@code server}: a (re)started server's development
     * issuer has a new key, so the tokens of its previous life no longer verify.
     */
    public static void forget(String server) {
        ISSUED.keySet().removeIf(key -> key.startsWith(server + "|"));
    }

    /** A token of the server's issuer that expired ten minutes ago (beyond the clock skew). */
    public static String expired(String server, String subject, String tenant, List<String> roles) {
        return fetch(server, subject, tenant, roles, -600);
    }

    /**
     * A token with the claims a valid one has (issuer, audience, tenant, roles, not expired) but
     * signed by a key of this test JVM's own: the signature does not verify.
     */
    public static String forged(String subject, String tenant, List<String> roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("urn:orderflow:dev-issuer").audience("orderflow")
                .subject(subject).claim("upn", subject).claim("tenant_id", tenant).claim("groups", roles)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(FORGER.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(FORGER));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static String fetch(String server, String subject, String tenant, List<String> roles, long expiresIn) {
        String query = "sub=" + encode(subject) + "&tenant=" + encode(tenant == null ? "" : tenant) + "&groups="
                + encode(String.join(",", roles)) + "&expires_in=" + expiresIn;
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server + "/orderflow/dev/token?" + query))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("The development issuer of " + server + " answered " + response.statusCode()
                        + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("forger").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
