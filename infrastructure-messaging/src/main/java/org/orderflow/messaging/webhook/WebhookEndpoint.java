package org.orderflow.messaging.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The webhook's address and how hard to try.
 *
 * @param url          the endpoint; empty disables the integration handler
 * @param attempts     tries per delivery before giving the message back to the broker
 * @param firstBackoff the pause after the first failed try, doubled per further try
 * @param timeout      connect and read timeout per try
 */
public record WebhookEndpoint(Optional<URI> url, int attempts, Duration firstBackoff, Duration timeout) {

    public WebhookEndpoint {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1");
        }
    }
}
