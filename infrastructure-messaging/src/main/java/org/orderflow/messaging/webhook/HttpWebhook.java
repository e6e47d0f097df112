package org.orderflow.messaging.webhook;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.orderflow.application.integration.Webhook;
import org.orderflow.application.outbox.IntegrationEvent;
import org.orderflow.messaging.EventMessages;

/**
 * Posts the published message body to the webhook (JAX-RS client). Each try carries
 * {@code Idempotency-Key: <event id>} so the receiver can drop a repeat. 2xx is success; a
 * timeout, connection failure, 408, 429 or 5xx is tried again after a doubling pause; any other
 * 4xx will not get better and fails at once. When every try failed the delivery throws, the
 * message's transaction rolls back, and the broker redelivers it (and at its limit dead-letters it).
 */
public class HttpWebhook implements Webhook {

    private static final Logger LOG = Logger.getLogger(HttpWebhook.class.getName());

    private final WebhookEndpoint endpoint;
    private final Client client;

    public HttpWebhook(WebhookEndpoint endpoint) {
        this.endpoint = endpoint;
        this.client = ClientBuilder.newBuilder()
                .connectTimeout(endpoint.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(endpoint.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .build();
    }

    @Override
    public String deliver(IntegrationEvent event) {
        String body = EventMessages.toJson(event);
        String url = endpoint.url().orElseThrow(() -> new IllegalStateException("No webhook URL configured")).toString();
        long pause = endpoint.firstBackoff().toMillis();
        String last = "not tried";
        for (int attempt = 1; attempt <= endpoint.attempts(); attempt++) {
            try (Response response = client.target(url).request()
                    .header("Idempotency-Key", event.eventId().toString())
                    .header("X-Orderflow-Event-Type", event.eventType())
                    .header("X-Orderflow-Delivery-Attempt", attempt)
                    .post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE))) {
                int status = response.getStatus();
                if (status / 100 == 2) {
                    return "POST " + url + " -> " + status + " (attempt " + attempt + ")";
                }
                last = "HTTP " + status;
                if (!retryable(status)) {
                    throw new WebhookFailed("Webhook " + url + " refused " + event.eventType() + " " + event.eventId() + ": " + last);
                }
            } catch (ProcessingException e) {
                last = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (attempt < endpoint.attempts()) {
                String reason = last;
                int next = attempt + 1;
                LOG.fine(() -> "Webhook attempt failed (" + reason + "); try " + next + " in ms");
                sleep(pause);
                pause *= 2;
            }
        }
        throw new WebhookFailed("Webhook " + url + " failed " + endpoint.attempts() + " time(s) for "
                + event.eventType() + " " + event.eventId() + ": " + last);
    }

    private static boolean retryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhookFailed("Interrupted between webhook attempts", e);
        }
    }

    public static final class WebhookFailed extends RuntimeException {
        public WebhookFailed(String message) {
            super(message);
        }

        public WebhookFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
