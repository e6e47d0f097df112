package org.orderflow.messaging.guard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.orderflow.application.consumer.ReceiverUnavailable;
import org.orderflow.application.integration.Webhook;
import org.orderflow.application.outbox.IntegrationEvent;

/**
 * The webhook behind a circuit breaker (MicroProfile Fault Tolerance): once most recent calls
 * found the endpoint unavailable, calls fail at once with
 * {@link org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException} for the
 * breaker's delay, then one trial call decides. Only unavailability counts: a refused event is
 * the event's problem, not the endpoint's. Tune it with the standard keys, e.g.
 * {@code org.orderflow.messaging.guard.GuardedWebhook/deliver/CircuitBreaker/delay}.
 */
@ApplicationScoped
public class GuardedWebhook implements Webhook {

    private Webhook webhook;

    protected GuardedWebhook() {
        // for CDI proxies
    }

    @Inject
    public GuardedWebhook(@Unguarded Webhook webhook) {
        this.webhook = webhook;
    }

    @Override
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10_000, successThreshold = 1,
            failOn = ReceiverUnavailable.class)
    public String deliver(IntegrationEvent event) {
        return webhook.deliver(event);
    }
}
