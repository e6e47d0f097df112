package org.orderflow.messaging.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The webhook's address.
 *
 * @param url     the endpoint; empty disables the integration handler
 * @param timeout connect and read timeout of the one try a delivery makes
 */
public record WebhookEndpoint(Optional<URI> url, Duration timeout) {

    public WebhookEndpoint {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }
}
