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
        boolean key = config.getOptionalValue(DevIssuerConfigSource.PUBLIC_KEY, String.class).isPresent()
                || config.getOptionalValue(DevIssuerConfigSource.PUBLIC_KEY_LOCATION, String.class).isPresent();
        if (!key) {
            LOG.severe("No token issuer is configured: every /orderflow/api call will be refused with 401. Set "
                    + "MP_JWT_VERIFY_PUBLICKEY_LOCATION (the issuer's JWKS URL), MP_JWT_VERIFY_ISSUER and "
                    + "MP_JWT_VERIFY_AUDIENCES (README, Security).");
            return;
        }
        String issuer = config.getOptionalValue(DevIssuerConfigSource.ISSUER, String.class).orElse("(not checked)");
        String audiences = config.getOptionalValue(DevIssuerConfigSource.AUDIENCES, String.class).orElse(null);
        if (audiences == null) {
            LOG.warning("mp.jwt.verify.audiences is not set: tokens meant for other services of the issuer are accepted too");
        }
        LOG.info("Bearer tokens accepted from issuer " + issuer + " for audience " + (audiences == null ? "(any)" : audiences));
    }
}
