package org.orderflow.application.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.orderflow.application.eventstore.Checkpoint;

/**
 * The outbox as a publisher sees it: the committed, final events after its cursor, and the
 * cursor itself. Joins the caller's transaction.
 */
public interface Outbox {

    /**
     * Takes the publisher's transaction-scoped exclusive lock, without waiting: two timer firings
     * or two servers never publish the same events at once, so neither can reorder a stream.
     */
    boolean tryLock(String publisher);

    /** Up to {@code max} events after the publisher's cursor, in log order; only final transactions. */
    List<OutboxRecord> pending(String publisher, int max);

    /** Moves the cursor to {@code upTo} after {@code count} more events were handed to the broker; ends a failure streak. */
    void markPublished(String publisher, Checkpoint upTo, int count, Instant at);

    /** The publisher's current failure streak, shared by every server; empty while sends succeed. */
    Optional<FailureStreak> failureStreak(String publisher);

    /** Records a failed round: the streak every server reads before its next round. */
    void recordFailure(String publisher, FailureStreak streak);

    /** Where the publisher is and what is still waiting. */
    Status status(String publisher);

    /**
     * @param cursor          the last published event's place, {@link Checkpoint#START} before the first
     * @param publishedCount  events published so far
     * @param lastPublishedAt when the cursor last moved, if ever
     * @param pending         committed events after the cursor
     * @param oldestPending   how long the oldest of them has waited (zero when none)
     * @param failing         the failure streak, when the last round that sent failed
     */
    record Status(String publisher, Checkpoint cursor, long publishedCount, Optional<Instant> lastPublishedAt,
                  long pending, Duration oldestPending, Optional<FailureStreak> failing) {
    }
}
