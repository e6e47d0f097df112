package org.orderflow.application.outbox;

import java.time.Duration;

/**
 * How the publisher runs. Produced from configuration by the web module.
 *
 * @param publisherName   names the publisher's cursor (one per destination)
 * @param batchSize       events per round (one database transaction)
 * @param maxRoundsPerRun bounds one timer firing
 * @param initialBackoff  the pause after a first failure, doubled per further failure
 * @param maxBackoff      the longest pause
 */
public record OutboxSettings(String publisherName, int batchSize, int maxRoundsPerRun,
                             Duration initialBackoff, Duration maxBackoff) {

    public OutboxSettings {
        if (publisherName == null || publisherName.isBlank()) {
            throw new IllegalArgumentException("publisher name is required");
        }
        if (batchSize < 1 || maxRoundsPerRun < 1) {
            throw new IllegalArgumentException("batch size and rounds per run must be >= 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 <= initial backoff <= max backoff");
        }
    }

    /** The pause after {@code failures} failed rounds in a row: the initial one, doubled per further failure, capped. */
    public Duration backoff(long failures) {
        Duration delay = initialBackoff;
        for (long i = 1; i < failures && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
