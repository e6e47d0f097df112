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

    private long totalFailures;
    private long published;
    private Instant lastSuccessAt;
    /** The last streak this server followed; kept after a success, for the last error and when it happened. */
    private FailureStreak lastStreak;
    private boolean failing;

    public synchronized boolean due(Instant now) {
        return !failing || !lastStreak.holdsBack(now);
    }

    public synchronized void succeeded(int count, Instant now) {
        published += count;
        failing = false;
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
        lastStreak = streak;
        failing = true;
    }

    /** The streak this server follows, while the publisher is failing. */
    public synchronized Optional<FailureStreak> streak() {
        return failing ? Optional.of(lastStreak) : Optional.empty();
    }

    public synchronized Snapshot snapshot() {
        Optional<FailureStreak> last = Optional.ofNullable(lastStreak);
        return new Snapshot(failing ? lastStreak.failures() : 0, totalFailures, published,
                last.map(FailureStreak::lastError), last.map(FailureStreak::lastFailureAt), Optional.ofNullable(lastSuccessAt),
                failing ? Optional.of(lastStreak.retryAt()) : Optional.empty());
    }
}
