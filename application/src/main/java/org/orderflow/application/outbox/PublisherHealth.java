package org.orderflow.application.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The publisher's recent history and its backoff: after a failure the next attempt waits the
 * initial delay, doubling with every further failure up to the maximum; one success resets it.
 * Thread-safe; one instance per publisher.
 */
public final class PublisherHealth {

    /** A point-in-time copy for health checks and metrics. */
    public record Snapshot(long consecutiveFailures, long totalFailures, long published,
                           Optional<String> lastError, Optional<Instant> lastFailureAt,
                           Optional<Instant> lastSuccessAt, Optional<Instant> nextAttemptAt) {

        public boolean failing() {
            return consecutiveFailures > 0;
        }
    }

    private final Duration initialBackoff;
    private final Duration maxBackoff;

    private long consecutiveFailures;
    private long totalFailures;
    private long published;
    private String lastError;
    private Instant lastFailureAt;
    private Instant lastSuccessAt;
    private Instant nextAttemptAt;

    public PublisherHealth(Duration initialBackoff, Duration maxBackoff) {
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 <= initial backoff <= max backoff");
        }
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    public synchronized boolean due(Instant now) {
        return nextAttemptAt == null || !now.isBefore(nextAttemptAt);
    }

    public synchronized void succeeded(int count, Instant now) {
        published += count;
        consecutiveFailures = 0;
        nextAttemptAt = null;
        lastSuccessAt = now;
    }

    /** Records a failure after {@code count} events still went out; returns the delay before the next attempt. */
    public synchronized Duration failed(int count, RuntimeException error, Instant now) {
        published += count;
        consecutiveFailures++;
        totalFailures++;
        lastError = describe(error);
        lastFailureAt = now;
        Duration delay = backoff(consecutiveFailures);
        nextAttemptAt = now.plus(delay);
        return delay;
    }

    Duration backoff(long failures) {
        Duration delay = initialBackoff;
        for (long i = 1; i < failures && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(consecutiveFailures, totalFailures, published, Optional.ofNullable(lastError),
                Optional.ofNullable(lastFailureAt), Optional.ofNullable(lastSuccessAt), Optional.ofNullable(nextAttemptAt));
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
