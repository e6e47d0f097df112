package org.orderflow.web.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Points the MP JWT feature at the development issuer when (and only when) it is on. Its ordinal
 * is below every other source, the application's defaults file included: a configured issuer,
 * key or audience always wins.
 */
public class DevIssuerConfigSource implements ConfigSource {

    static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String AUDIENCES = "mp.jwt.verify.audiences";
    static final String ALGORITHM = "mp.jwt.verify.publickey.algorithm";

    /**
     * Made once, and the key handed over as a file location rather than inline: the MP JWT feature
     * reads its configuration on every request, and MP Config scans every value for expressions —
     * the inline key (writing it as JSON, then scanning it) cost about 15 % of an authenticated
     * request's CPU (JFR, README Performance). The file holds only the public key.
     */
    private static final Map<String, String> PROPERTIES = DevIssuer.enabled()
            ? Map.of(PUBLIC_KEY_LOCATION, publicKeyFile(), ISSUER, DevIssuer.ISSUER, AUDIENCES, DevIssuer.AUDIENCE,
                    ALGORITHM, "RS256")
            : Map.of();

    private static String publicKeyFile() {
        try {
            Path file = Files.createTempFile("orderflow-dev-issuer-", ".jwks.json");
            file.toFile().deleteOnExit();
            Files.writeString(file, DevIssuer.publicJwks());
            return file.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the development issuer's public key", e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return PROPERTIES;
    }

    @Override
    public Set<String> getPropertyNames() {
        return getProperties().keySet();
    }

    @Override
    public String getValue(String name) {
        return getProperties().get(name);
    }

    @Override
    public String getName() {
        return "orderflow development issuer";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
