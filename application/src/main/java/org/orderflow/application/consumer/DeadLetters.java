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

    default List<DeadLetter> list(int max) {
        return list(max, Optional.empty());
    }

    /** Oldest first, at most {@code max}; of one tenant's events only when {@code tenant} is given. */
    List<DeadLetter> list(int max, Optional<String> tenant);

    long count();

    /** Publishes the message again and removes it; false when no such message is dead. */
    default boolean replay(String messageId) {
        return replay(messageId, Optional.empty());
    }

    /** The same, for a message of {@code tenant}'s events only, when given (another tenant's: false). */
    boolean replay(String messageId, Optional<String> tenant);

    /** Replays every dead message; returns how many. */
    int replayAll();

    /** Removes the message for good; false when no such message is dead. */
    default boolean purge(String messageId) {
        return purge(messageId, Optional.empty());
    }

    /** The same, for a message of {@code tenant}'s events only, when given (another tenant's: false). */
    boolean purge(String messageId, Optional<String> tenant);

    /** Removes every dead message; returns how many. */
    int purgeAll();
}
