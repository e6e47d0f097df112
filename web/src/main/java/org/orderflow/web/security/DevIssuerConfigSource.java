package org.orderflow.web.security;

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
    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String AUDIENCES = "mp.jwt.verify.audiences";
    static final String ALGORITHM = "mp.jwt.verify.publickey.algorithm";

    /**
     * Made once: the MP JWT feature reads its configuration on every request, and writing the
     * key as JSON each time cost about 6 % of a request's CPU (JFR, README Performance).
     */
    private static final Map<String, String> PROPERTIES = DevIssuer.enabled()
            ? Map.of(PUBLIC_KEY, DevIssuer.publicJwks(), ISSUER, DevIssuer.ISSUER, AUDIENCES, DevIssuer.AUDIENCE,
                    ALGORITHM, "RS256")
            : Map.of();

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
