package org.orderflow.messaging.consume;

import jakarta.jms.Message;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.orderflow.application.consumer.ConsumerObserver;
import org.orderflow.application.consumer.EventConsumer;
import org.orderflow.application.consumer.IdempotentDelivery;
import org.orderflow.application.consumer.ReceiverUnavailable;
import org.orderflow.application.logging.LogContext;
import org.orderflow.application.outbox.IntegrationEvent;
import org.orderflow.application.tracing.Tracing;
import org.orderflow.messaging.EventMessages;
import org.orderflow.messaging.guard.ConsumerPauses;

/**
 * What every listener does with a message: read it, deliver it idempotently, and let a failure
 * propagate so the container rolls back and the broker redelivers (then dead-letters) it. When
 * the failure is the receiver's unavailability (or its open circuit breaker), the subscription
 * first pauses, so the redelivery comes later instead of at once.
 */
final class ConsumerListener {

    private static final Logger LOG = Logger.getLogger(ConsumerListener.class.getName());

    private ConsumerListener() {
    }

    static void onMessage(Message message, EventConsumer consumer, IdempotentDelivery delivery, ConsumerPauses pauses,
                          ConsumerObserver observer, LogContext logs, Tracing tracing, Class<?> listener) {
        IntegrationEvent event = EventMessages.read(message);
        String traceParent = EventMessages.traceParent(message);
        if (traceParent == null) {
            // every line logged on this thread while the message is handled carries the event's correlation id
            try (LogContext.Scope ignored = logs.enter(event.correlationId(), null)) {
                deliver(message, event, consumer, delivery, pauses, observer, listener);
            }
            return;
        }
        // the event's trace goes on in the consumer (and, through the client's instrumentation, to its webhook call)
        try (Tracing.Scope span = tracing.span("consume " + event.eventType() + " by " + consumer.name(),
                Tracing.Kind.CONSUMER, traceParent);
             LogContext.Scope ignored = logs.enter(event.correlationId(), tracing.currentTraceParent())) {
            deliver(message, event, consumer, delivery, pauses, observer, listener);
        }
    }

    private static void deliver(Message message, IntegrationEvent event, EventConsumer consumer, IdempotentDelivery delivery,
                                ConsumerPauses pauses, ConsumerObserver observer, Class<?> listener) {
        long started = System.nanoTime();
        ConsumerObserver.Outcome outcome = ConsumerObserver.Outcome.FAILED;
        try {
            IdempotentDelivery.Result result = delivery.deliver(consumer, event);
            if (result == IdempotentDelivery.Result.DUPLICATE) {
                LOG.fine(() -> consumer.name() + ": duplicate of " + event.eventId() + " absorbed");
                outcome = ConsumerObserver.Outcome.DUPLICATE;
            } else {
                outcome = ConsumerObserver.Outcome.PROCESSED;
            }
            pauses.delivered(listener.getSimpleName());
        } catch (ReceiverUnavailable | CircuitBreakerOpenException unavailable) {
            outcome = ConsumerObserver.Outcome.UNAVAILABLE;
            LOG.warning(() -> consumer.name() + " could not pass on " + event.eventType() + " " + event.eventId() + " (delivery "
                    + deliveryCount(message) + "): " + (unavailable instanceof CircuitBreakerOpenException ? "its circuit breaker is open"
                    : unavailable.getMessage()) + "; the subscription pauses, then the broker redelivers it");
            pauses.receiverUnavailable(listener.getSimpleName());
            throw unavailable;
        } catch (RuntimeException e) {
            // the container logs the exception with its stack; this line says what it means
            LOG.warning(() -> consumer.name() + " failed on " + event.eventType() + " " + event.eventId() + " (delivery "
                    + deliveryCount(message) + "): " + e.getMessage() + "; the broker redelivers it, then dead-letters it");
            throw e;
        } finally {
            observer.delivered(consumer.name(), outcome, deliveries(message), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static String deliveryCount(Message message) {
        int count = deliveries(message);
        return count > 0 ? String.valueOf(count) : "?";
    }

    /** The broker's count of the message's deliveries, 1 the first time; 0 if it does not say. */
    private static int deliveries(Message message) {
        try {
            return message.getIntProperty("JMSXDeliveryCount");
        } catch (Exception e) {
            return 0;
        }
    }
}
