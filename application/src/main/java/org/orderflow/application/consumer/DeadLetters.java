package org.orderflow.application.consumer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Messages a consumer gave up on after the broker's redelivery limit: listed for an operator,
 * replayed (published again, so every subscriber's inbox absorbs what it already processed),
 * or purged.
 */
public interface DeadLetters {

    /**
     * @param messageId     the broker's id of the dead message, the handle for replay and purge
     * @param eventId       the event's id, when the message is a readable event
     * @param subscription  the subscription whose consumer failed, when the broker says
     * @param reason        the broker's reason (e.g. the redelivery limit), when it says
     * @param deadAt        when it was dead-lettered, when the broker says
     * @param deliveryCount how often it was delivered before
     * @param body          the message text
     */
    record DeadLetter(String messageId, Optional<String> eventId, Optional<String> eventType, Optional<String> streamId,
                      Optional<String> subscription, Optional<String> reason, Optional<Instant> deadAt,
                      int deliveryCount, String body) {
    }

    List<DeadLetter> list(int max);

    long count();

    /** Publishes the message again and removes it; false when no such message is dead. */
    boolean replay(String messageId);

    /** Replays every dead message; returns how many. */
    int replayAll();

    /** Removes the message for good; false when no such message is dead. */
    boolean purge(String messageId);

    /** Removes every dead message; returns how many. */
    int purgeAll();
}
