package org.orderflow.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A token issuer for local use and tests, off unless {@code orderflow.dev-issuer.enabled=true}
 * (environment: {@code ORDERFLOW_DEV_ISSUER_ENABLED=true}). Its RSA key is made in memory when the
 * server starts and never leaves it: no key in the repository can sign a token this or any other
 * server accepts, and a restart invalidates every token it issued.
 *
 * <p>When on, {@link DevTokenServlet} issues tokens and publishes the public key at
 * {@code /orderflow/dev/jwks}, where the server's default MP JWT configuration (server.xml
 * {@code jwt.*} variables: this issuer and audience) fetches it; configuring a real issuer
 * replaces all three.
 */
public final class DevIssuer {

    public static final String ENABLED_PROPERTY = "orderflow.dev-issuer.enabled";
    public static final String ENABLED_ENV = "ORDERFLOW_DEV_ISSUER_ENABLED";
    public static final String ISSUER = "urn:orderflow:dev-issuer";
    public static final String AUDIENCE = "orderflow";

    private static final RSAKey KEY = enabled() ? newKey() : null;

    private DevIssuer() {
    }

    /**
     * Whether the development issuer is on. Read from the system property and the environment
     * directly (not through MP Config): it decides what the MP Config source below offers.
     */
    public static boolean enabled() {
        String value = System.getProperty(ENABLED_PROPERTY, System.getenv(ENABLED_ENV));
        return "true".equalsIgnoreCase(value == null ? null : value.trim());
    }

    /** The public key as a JWK set. */
    static String publicJwks() {
        return new JWKSet(key().toPublicJWK()).toString();
    }

    /**
     * A signed RS256 token.
     *
     * @param lifetime negative gives a token that expired that long ago (for tests)
     */
    static String token(String subject, String tenantClaim, String tenant, List<String> groups, Duration lifetime) {
        Instant now = Instant.now();
        Instant issuedAt = lifetime.isNegative() ? now.plus(lifetime).minus(Duration.ofMinutes(5)) : now;
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject(subject).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt)).expirationTime(Date.from(now.plus(lifetime)))
                .claim("upn", subject).claim("groups", groups);
        if (tenant != null) {
            claims.claim(tenantClaim, tenant);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key().getKeyID()).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a development token", e);
        }
        return jwt.serialize();
    }

    private static RSAKey key() {
        if (KEY == null) {
            throw new IllegalStateException("The development issuer is off");
        }
        return KEY;
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID("dev-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not make the development issuer's key", e);
        }
    }
}
