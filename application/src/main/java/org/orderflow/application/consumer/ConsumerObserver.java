package org.orderflow.application.consumer;

import java.time.Duration;

/**
 * Told about every delivery of a published event to a consumer (port): metrics hang off it.
 * Called on the delivery's thread; an implementation must be quick and must not throw.
 */
public interface ConsumerObserver {

    /** What became of one delivery. */
    enum Outcome {
        /** The consumer acted on the event. */
        PROCESSED,
        /** The inbox knew the event: nothing done again. */
        DUPLICATE,
        /** The consumer's receiver was unavailable: the subscription pauses, the broker redelivers. */
        UNAVAILABLE,
        /** The consumer failed: the broker redelivers, then dead-letters. */
        FAILED
    }

    /**
     * @param consumer      the consumer's name
     * @param deliveryCount the broker's count of this message's deliveries (1 the first time)
     */
    void delivered(String consumer, Outcome outcome, int deliveryCount, Duration took);

    /** Observes nothing. */
    ConsumerObserver NONE = (consumer, outcome, deliveryCount, took) -> {
    };
}
