package org.orderflow.messaging.guard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.orderflow.application.consumer.ReceiverUnavailable;
import org.orderflow.application.notification.Notification;
import org.orderflow.application.notification.Notifier;

/**
 * The notifier behind a circuit breaker, like {@link GuardedWebhook}: an unreachable mail server
 * opens it; a refused message does not. Keys:
 * {@code org.orderflow.messaging.guard.GuardedNotifier/send/CircuitBreaker/...}.
 */
@ApplicationScoped
public class GuardedNotifier implements Notifier {

    private Notifier notifier;

    protected GuardedNotifier() {
        // for CDI proxies
    }

    @Inject
    public GuardedNotifier(@Unguarded Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10_000, successThreshold = 1,
            failOn = ReceiverUnavailable.class)
    public void send(Notification notification) {
        notifier.send(notification);
    }

    @Override
    public String channel() {
        return notifier.channel();
    }
}
