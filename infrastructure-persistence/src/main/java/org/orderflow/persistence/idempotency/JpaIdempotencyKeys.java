package org.orderflow.persistence.idempotency;

import org.orderflow.persistence.AdvisoryLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;
import org.orderflow.application.command.CommandResult;
import org.orderflow.application.command.IdempotencyKeys;

/** {@link IdempotencyKeys} in the {@code idempotency_keys} table, flushed at once so a race surfaces here. */
@ApplicationScoped
public class JpaIdempotencyKeys implements IdempotencyKeys {

    private EntityManager em;
    private Clock clock;

    protected JpaIdempotencyKeys() {
        // for CDI proxies
    }

    @Inject
    public JpaIdempotencyKeys(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** A transaction-scoped advisory lock on the key (released at commit or rollback). */
    @Override
    public void hold(String tenantId, String key) {
        if (!AdvisoryLocks.transactionLock(em, "idempotency/" + tenantId + "/" + key, AdvisoryLocks.COMMAND_WAIT)) {
            throw new KeyAlreadyUsed(key); // its twin is still running: 409 with Retry-After
        }
    }

    @Override
    public Optional<Remembered> find(String tenantId, String key) {
        return Optional.ofNullable(em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(tenantId, key)))
                .map(r -> new Remembered(r.requestFingerprint(),
                        new CommandResult(r.streamId(), r.streamVersion(), r.lastPosition(), r.createdId(), false)));
    }

    @Override
    public int forgetOlderThan(Instant cutoff) {
        return em.createNativeQuery("DELETE FROM idempotency_keys WHERE created_at < ?1")
                .setParameter(1, cutoff)
                .executeUpdate();
    }

    @Override
    public void remember(String tenantId, String key, String requestFingerprint, CommandResult result) {
        em.persist(new IdempotencyRecord(tenantId, key, requestFingerprint, result.streamId(), result.streamVersion(),
                result.lastPosition(), result.createdId(), clock.instant()));
        try {
            em.flush();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConstraintViolationException violation
                        && "idempotency_keys_pk".equalsIgnoreCase(violation.getConstraintName())) {
                    throw new KeyAlreadyUsed(key);
                }
            }
            throw e;
        }
    }
}
