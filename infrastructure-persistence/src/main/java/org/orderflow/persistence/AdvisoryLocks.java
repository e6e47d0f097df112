package org.orderflow.persistence;

import jakarta.persistence.EntityManager;
import java.time.Duration;

/**
 * Named transaction-scoped PostgreSQL advisory locks on a hash of the name. They need no row,
 * take no transaction id (so they do not hold back gap-safe readers) and are released by commit
 * or rollback.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** How long a command waits for its stream (or idempotency key) while other commands on it run. */
    public static final Duration COMMAND_WAIT = Duration.ofSeconds(5);

    /**
     * Takes the lock in the entity manager's transaction, waiting while another transaction holds
     * it — at most {@code wait}, so a queue of waiters on one hot name cannot hold pooled
     * connections indefinitely. One round trip: the wait is bounded inside the database
     * (migration V8's function), and a wait that runs out leaves the transaction usable.
     *
     * @return false if the wait ran out
     */
    public static boolean transactionLock(EntityManager em, String name, Duration wait) {
        if (wait.isZero()) {
            return tryTransactionLock(em, name);
        }
        Object locked = em.createNativeQuery("SELECT orderflow_advisory_lock_within(?1, ?2)")
                .setParameter(1, name)
                .setParameter(2, wait.toMillis() + "ms")
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    /** Takes the lock in the entity manager's transaction; false, without waiting, if another transaction holds it. */
    public static boolean tryTransactionLock(EntityManager em, String name) {
        Object locked = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, name)
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }
}
