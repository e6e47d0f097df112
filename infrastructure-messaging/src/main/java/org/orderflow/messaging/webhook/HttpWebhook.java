package org.orderflow.messaging.webhook;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.TimeUnit;
import org.orderflow.application.consumer.ReceiverUnavailable;
import org.orderflow.application.integration.Webhook;
import org.orderflow.application.outbox.IntegrationEvent;
import org.orderflow.messaging.EventMessages;

/**
 * Posts the published message body to the webhook (JAX-RS client), once per delivery: the
 * broker's redelivery is the retry. Each call carries {@code Idempotency-Key: <event id>} so the
 * receiver can drop a repeat. A timeout, connection failure, 408, 429 or 5xx is
 * {@link ReceiverUnavailable}; any other non-2xx answer is {@link WebhookRefused}.
 */
public class HttpWebhook implements Webhook, AutoCloseable {

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
        String what = event.eventType() + " " + event.eventId();
        int status;
        try (Response response = client.target(url).request()
                .header("Idempotency-Key", event.eventId().toString())
                .header("X-Orderflow-Event-Type", event.eventType())
                .post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE))) {
            status = response.getStatus();
        } catch (ProcessingException e) {
            throw new ReceiverUnavailable("Webhook " + url + " unreachable for " + what + ": "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        return switch (WebhookAnswer.of(status)) {
            case ACCEPTED -> "POST " + url + " -> " + status;
            case UNAVAILABLE -> throw new ReceiverUnavailable("Webhook " + url + " unavailable for " + what + ": HTTP " + status);
            case REFUSED -> throw new WebhookRefused("Webhook " + url + " refused " + what + ": HTTP " + status);
        };
    }

    /** Releases the HTTP client's connections (when the application stops). */
    @Override
    public void close() {
        client.close();
    }

    /** The endpoint answered that it will not take this event (a 4xx other than 408/429, or a redirect). */
    public static final class WebhookRefused extends RuntimeException {
        public WebhookRefused(String message) {
            super(message);
        }
    }
}
