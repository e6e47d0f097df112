package org.orderflow.persistence;

import jakarta.persistence.EntityManager;

/**
 * Named transaction-scoped PostgreSQL advisory locks: {@code pg_try_advisory_xact_lock} on a hash
 * of the name. They need no row, take no transaction id (so they do not hold back gap-safe
 * readers) and are released by commit or rollback.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** Takes the lock in the entity manager's transaction, waiting while another transaction holds it. */
    public static void transactionLock(EntityManager em, String name) {
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))) AS locked")
                .setParameter(1, name)
                .getSingleResult();
    }

    /** Takes the lock in the entity manager's transaction; false, without waiting, if another transaction holds it. */
    public static boolean tryTransactionLock(EntityManager em, String name) {
        Object locked = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, name)
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }
}
