package org.orderflow.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Says at start-up which tokens the server accepts: loudly when the development issuer is on,
 * and as an error when no issuer is configured (every API call then answers 401).
 */
@ApplicationScoped
public class TokenIssuerReport {

    private static final Logger LOG = Logger.getLogger(TokenIssuerReport.class.getName());

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        Config config = ConfigProvider.getConfig();
        if (DevIssuer.enabled()) {
            String banner = "*".repeat(100);
            LOG.warning(banner);
            LOG.warning("*** DEVELOPMENT TOKEN ISSUER IS ON (" + DevIssuer.ENABLED_ENV + "): anyone who reaches "
                    + "/orderflow/dev/token gets a token for any tenant and any role.");
            LOG.warning("*** Its key was made in memory at start-up. NEVER run a shared or production server like this.");
            LOG.warning(banner);
        }
        String issuer = config.getOptionalValue("jwt.issuer", String.class).orElse(DevIssuer.ISSUER);
        String jwks = config.getOptionalValue("jwt.jwks.uri", String.class).orElse("(none)");
        String audiences = config.getOptionalValue("jwt.audiences", String.class).orElse("(any)");
        if (DevIssuer.ISSUER.equals(issuer) && !DevIssuer.enabled()) {
            LOG.severe("No token issuer is configured and the development issuer is off: every /orderflow/api call "
                    + "will be refused with 401. Set JWT_JWKS_URI, JWT_ISSUER and JWT_AUDIENCES (README, Security).");
            return;
        }
        LOG.info("Bearer tokens accepted from issuer " + issuer + " (keys: " + jwks + ") for audience " + audiences);
    }
}
