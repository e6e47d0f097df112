package org.orderflow.application.outbox;

import java.time.Instant;
import java.util.Optional;

/**
 * The publisher's health as this server saw it on its last rounds: the failure streak is the
 * shared one ({@link FailureStreak}, read under the publisher's lock), so every server reports
 * the same back-off; the counters (published, failures) are this server's own, for its metrics.
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

    private long consecutiveFailures;
    private long totalFailures;
    private long published;
    private String lastError;
    private Instant lastFailureAt;
    private Instant lastSuccessAt;
    private Instant nextAttemptAt;

    public synchronized boolean due(Instant now) {
        return nextAttemptAt == null || !now.isBefore(nextAttemptAt);
    }

    public synchronized void succeeded(int count, Instant now) {
        published += count;
        consecutiveFailures = 0;
        nextAttemptAt = null;
        lastSuccessAt = now;
    }

    /** A round of this server failed after {@code count} events still went out; {@code streak} is where that left the publisher. */
    public synchronized void failed(int count, FailureStreak streak) {
        published += count;
        totalFailures++;
        follow(streak);
    }

    /** A round of this server found the publisher failing (another server's failure, or its own earlier one) and waited. */
    public synchronized void waiting(FailureStreak streak) {
        follow(streak);
    }

    private void follow(FailureStreak streak) {
        consecutiveFailures = streak.failures();
        lastError = streak.lastError();
        lastFailureAt = streak.lastFailureAt();
        nextAttemptAt = streak.retryAt();
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(consecutiveFailures, totalFailures, published, Optional.ofNullable(lastError),
                Optional.ofNullable(lastFailureAt), Optional.ofNullable(lastSuccessAt), Optional.ofNullable(nextAttemptAt));
    }
}
