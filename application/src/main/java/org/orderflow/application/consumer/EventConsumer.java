package org.orderflow.application.consumer;

import org.orderflow.application.outbox.IntegrationEvent;

/** One independent subscriber of published events. */
public interface EventConsumer {

    /** Names the consumer in its inbox; stable across releases. */
    String name();

    /** Whether this event concerns the consumer at all; others are acknowledged without a trace. */
    boolean accepts(IntegrationEvent event);

    /**
     * Performs the effect. Throwing rolls back the delivery's transaction (and its inbox entry), so
     * the broker redelivers the message, and after its redelivery limit dead-letters it. Throw
     * {@link ReceiverUnavailable} when the receiving system is down rather than refusing the event:
     * the subscription then pauses before the redelivery instead of burning its tries at once.
     *
     * @return a short description of what was done, kept in the inbox
     */
    String handle(IntegrationEvent event);
}
