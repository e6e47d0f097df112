package org.orderflow.messaging.consume;

import jakarta.jms.Message;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.orderflow.application.consumer.EventConsumer;
import org.orderflow.application.consumer.IdempotentDelivery;
import org.orderflow.application.consumer.ReceiverUnavailable;
import org.orderflow.application.outbox.IntegrationEvent;
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
                          Class<?> listener) {
        IntegrationEvent event = EventMessages.read(message);
        try {
            IdempotentDelivery.Result result = delivery.deliver(consumer, event);
            if (result == IdempotentDelivery.Result.DUPLICATE) {
                LOG.fine(() -> consumer.name() + ": duplicate of " + event.eventId() + " absorbed");
            }
            pauses.delivered(listener.getSimpleName());
        } catch (ReceiverUnavailable | CircuitBreakerOpenException unavailable) {
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
        }
    }

    private static String deliveryCount(Message message) {
        try {
            return String.valueOf(message.getIntProperty("JMSXDeliveryCount"));
        } catch (Exception e) {
            return "?";
        }
    }
}
