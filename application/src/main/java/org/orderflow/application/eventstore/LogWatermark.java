package org.orderflow.application.eventstore;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Why the gap-safe readers of the log may be behind (port). A reader takes only events of
 * transactions below the oldest transaction still running in the database cluster (the safe
 * point); an event committed by a later transaction waits until every older one has ended. So a
 * transaction left open anywhere in the cluster — a forgotten psql session, a stuck batch job —
 * holds back every projector, the publisher and every rebuild's catch-up. This tells an operator
 * the safe point, what it holds back, and which session holds it.
 */
public interface LogWatermark {

    /**
     * The oldest transaction still running in the cluster (the one the safe point waits for).
     *
     * @param pid             its server process, for {@code pg_terminate_backend}
     * @param database        the database it is connected to (any database of the cluster holds readers back)
     * @param user            its role
     * @param applicationName what the client called itself
     * @param state           {@code active}, {@code idle in transaction}, …
     * @param transactionAge  how long its transaction has been open
     * @param queryStartedAt  when its current (or last) statement started
     * @param query           the start of that statement, when the service's role may see it
     */
    record Holder(int pid, String database, String user, String applicationName, String state, Instant transactionStartedAt,
                  Duration transactionAge, Instant queryStartedAt, String query) {
    }

    /**
     * @param safeTransactionId       the safe point: events of transactions below it are readable
     * @param headPosition            the highest position in the log (0 when empty)
     * @param unreadableEvents        committed events the readers cannot take yet (their transaction is at or past the safe point)
     * @param oldestUnreadableAt      when the oldest of those was recorded
     * @param holder                  the oldest running transaction, when one has an id
     */
    record Snapshot(long safeTransactionId, long headPosition, long unreadableEvents, Optional<Instant> oldestUnreadableAt,
                    Optional<Holder> holder) {
    }

    Snapshot read();
}
