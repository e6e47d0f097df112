package org.orderflow.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

/**
 * Named transaction-scoped PostgreSQL advisory locks: {@code pg_try_advisory_xact_lock} on a hash
 * of the name. They need no row, take no transaction id (so they do not hold back gap-safe
 * readers) and are released by commit or rollback.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** How long a transaction waits for a lock (this one, or a row lock later in it) before giving up. */
    static final String LOCK_TIMEOUT = "5s";

    /**
     * Takes the lock in the entity manager's transaction, waiting while another transaction holds
     * it — at most {@link #LOCK_TIMEOUT} (set for the rest of the transaction), so a queue of
     * waiters on one hot name cannot hold pooled connections indefinitely.
     *
     * @return false if the wait timed out; the transaction must then roll back
     */
    public static boolean transactionLock(EntityManager em, String name) {
        em.createNativeQuery("SELECT set_config('lock_timeout', ?1, true)").setParameter(1, LOCK_TIMEOUT).getSingleResult();
        try {
            em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))) AS locked")
                    .setParameter(1, name)
                    .getSingleResult();
            return true;
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.sql.SQLException sql && "55P03".equals(sql.getSQLState())) {
                    return false; // lock_not_available
                }
            }
            throw e;
        }
    }

    /** Takes the lock in the entity manager's transaction; false, without waiting, if another transaction holds it. */
    public static boolean tryTransactionLock(EntityManager em, String name) {
        Object locked = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, name)
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }
}
