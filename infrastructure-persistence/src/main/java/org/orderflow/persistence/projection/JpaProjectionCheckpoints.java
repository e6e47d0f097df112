package org.orderflow.persistence.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.orderflow.application.cluster.Node;
import org.orderflow.application.eventstore.Checkpoint;
import org.orderflow.application.projection.ProjectionCheckpoints;
import org.orderflow.persistence.AdvisoryLocks;
import org.orderflow.persistence.SqlValues;

/**
 * {@link ProjectionCheckpoints} in {@code projection_checkpoints}. The per-projector lock is
 * {@link AdvisoryLocks} (a transaction-scoped advisory lock): it needs no row, takes no transaction id (so it does not
 * hold back gap-safe readers) and is released by commit or rollback.
 */
@ApplicationScoped
public class JpaProjectionCheckpoints implements ProjectionCheckpoints {

    private EntityManager em;
    private Node node;

    protected JpaProjectionCheckpoints() {
        // for CDI proxies
    }

    public JpaProjectionCheckpoints(EntityManager em) {
        this(em, Node.ofThisProcess());
    }

    @Inject
    public JpaProjectionCheckpoints(EntityManager em, Node node) {
        this.em = em;
        this.node = node;
    }

    @Override
    public boolean lock(String projector, Duration wait) {
        return AdvisoryLocks.transactionLock(em, "projection:" + projector, wait);
    }

    @Override
    public Checkpoint checkpoint(String projector) {
        return find(projector).map(Position::checkpoint).orElse(Checkpoint.START);
    }

    @Override
    public void save(String projector, Checkpoint checkpoint, Instant processedAt) {
        em.createNativeQuery("""
                        INSERT INTO projection_checkpoints (projector, transaction_id, position, last_processed_at, owner)
                        VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (projector) DO UPDATE SET transaction_id = EXCLUDED.transaction_id,
                            position = EXCLUDED.position, last_processed_at = EXCLUDED.last_processed_at, owner = EXCLUDED.owner""")
                .setParameter(1, projector)
                .setParameter(2, checkpoint.transactionId())
                .setParameter(3, checkpoint.position())
                .setParameter(4, processedAt)
                .setParameter(5, node.name())
                .executeUpdate();
    }

    @Override
    public void initialize(String projector, List<String> keys, Instant at) {
        for (String key : keys) {
            // the earliest checkpoint under the projector's name or any segment of it ('name#i/n'); none: START
            em.createNativeQuery("""
                            INSERT INTO projection_checkpoints (projector, transaction_id, position, last_processed_at, owner)
                            SELECT ?1, transaction_id, position, ?3, ?4 FROM projection_checkpoints
                             WHERE projector = ?2 OR starts_with(projector, ?2 || '#')
                             ORDER BY transaction_id, position LIMIT 1
                            ON CONFLICT (projector) DO NOTHING""")
                    .setParameter(1, key)
                    .setParameter(2, projector)
                    .setParameter(3, at)
                    .setParameter(4, node.name())
                    .executeUpdate();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Position> find(String projector) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT projector, transaction_id, position, last_processed_at, owner FROM projection_checkpoints WHERE projector = ?1")
                .setParameter(1, projector)
                .getResultList();
        return rows.stream().findFirst().map(JpaProjectionCheckpoints::position);
    }

    @Override
    public boolean hasPassed(String projector, long position) {
        // Passed = the event sorts at or before the checkpoint in (transaction id, position) order.
        // A position with no event is passed if it lies below the head (a gap left by the pooled
        // sequence) and not yet if it lies beyond it.
        Object passed = em.createNativeQuery("""
                        SELECT CASE
                                 WHEN e.position IS NULL THEN q.p <= (SELECT COALESCE(max(position), 0) FROM events)
                                 ELSE EXISTS (SELECT 1 FROM projection_checkpoints c
                                               WHERE c.projector = ?1
                                                 AND (c.transaction_id, c.position) >= (e.transaction_id::text::bigint, e.position))
                               END
                          FROM (SELECT CAST(?2 AS bigint) AS p) q LEFT JOIN events e ON e.position = q.p""")
                .setParameter(1, projector)
                .setParameter(2, position)
                .getSingleResult();
        return Boolean.TRUE.equals(passed);
    }

    @Override
    public Lag lag(String projector) {
        // One statement: the checkpoint (START if the projector never ran) and the events after it.
        Object[] row = (Object[]) em.createNativeQuery("""
                        SELECT count(*), COALESCE(EXTRACT(EPOCH FROM (now() - min(e.recorded_at))) * 1000, 0)
                          FROM events e
                         WHERE (e.transaction_id, e.position) > (
                               SELECT CAST(CAST(COALESCE(max(c.transaction_id), 0) AS text) AS xid8), COALESCE(max(c.position), 0)
                                 FROM projection_checkpoints c WHERE c.projector = ?1)""")
                .setParameter(1, projector)
                .getSingleResult();
        long events = ((Number) row[0]).longValue();
        return new Lag(events, Duration.ofMillis(events == 0 ? 0 : Math.max(0, ((Number) row[1]).longValue())));
    }

    private static Position position(Object[] row) {
        return new Position((String) row[0], new Checkpoint(((Number) row[1]).longValue(), ((Number) row[2]).longValue()),
                SqlValues.instant(row[3]), (String) row[4]);
    }
}
