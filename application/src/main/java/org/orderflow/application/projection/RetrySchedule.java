package org.orderflow.application.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Backoff for failed projection events: the delay before each retry (default 1 min, 5 min,
 * 15 min, 1 h, 6 h). After the last retry fails the error is dead and waits for an operator.
 */
public record RetrySchedule(List<Duration> delays) {

    public static final RetrySchedule DEFAULT = new RetrySchedule(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(6)));

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("at least one retry delay");
        }
    }

    /** When retry number {@code retryCount + 1} is due, or empty when no retry is left (dead). */
    public Optional<Instant> next(int retryCount, Instant now) {
        return retryCount < delays.size() ? Optional.of(now.plus(delays.get(retryCount))) : Optional.empty();
    }

    /** Parses "PT1M,PT5M,..." (ISO-8601 durations). */
    public static RetrySchedule parse(String text) {
        return new RetrySchedule(java.util.Arrays.stream(text.split(",")).map(String::trim).map(Duration::parse).toList());
    }
}
