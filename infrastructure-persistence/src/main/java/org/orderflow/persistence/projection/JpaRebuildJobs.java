package org.orderflow.persistence.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.orderflow.application.eventstore.Checkpoint;
import org.orderflow.application.projection.RebuildJob;
import org.orderflow.application.projection.RebuildJobs;
import org.orderflow.persistence.SqlValues;

/** {@link RebuildJobs} in {@code projection_rebuilds}. */
@ApplicationScoped
public class JpaRebuildJobs implements RebuildJobs {

    private static final String COLUMNS = """
            id, projector, state, transaction_id, position, events_total, events_done, cancel_requested, error,
            started_at, updated_at, finished_at""";

    private EntityManager em;

    protected JpaRebuildJobs() {
        // for CDI proxies
    }

    @Inject
    public JpaRebuildJobs(EntityManager em) {
        this.em = em;
    }

    @Override
    public RebuildJob start(String projector, long eventsTotal, Instant now) {
        Object id = em.createNativeQuery("""
                        INSERT INTO projection_rebuilds (projector, state, events_total, started_at, updated_at)
                        VALUES (?1, 'running', ?2, ?3, ?3) RETURNING id""")
                .setParameter(1, projector)
                .setParameter(2, eventsTotal)
                .setParameter(3, now)
                .getSingleResult();
        return find(((Number) id).longValue()).orElseThrow();
    }

    @Override
    public Optional<RebuildJob> find(long id) {
        return select("WHERE id = ?1", 1, id).stream().findFirst();
    }

    @Override
    public Optional<RebuildJob> running(String projector) {
        return select("WHERE projector = ?1 AND state = 'running'", 1, projector).stream().findFirst();
    }

    @Override
    public List<RebuildJob> running() {
        return select("WHERE state = 'running'", Integer.MAX_VALUE);
    }

    @Override
    public List<RebuildJob> list(String projector, int max) {
        return select("WHERE projector = ?1", max, projector);
    }

    @Override
    public void advance(long id, Checkpoint checkpoint, long applied, Instant now) {
        em.createNativeQuery("""
                        UPDATE projection_rebuilds
                           SET transaction_id = ?2, position = ?3, events_done = events_done + ?4, updated_at = ?5
                         WHERE id = ?1""")
                .setParameter(1, id)
                .setParameter(2, checkpoint.transactionId())
                .setParameter(3, checkpoint.position())
                .setParameter(4, applied)
                .setParameter(5, now)
                .executeUpdate();
    }

    @Override
    public boolean requestCancel(long id, Instant now) {
        return em.createNativeQuery("""
                        UPDATE projection_rebuilds SET cancel_requested = true, updated_at = ?2
                         WHERE id = ?1 AND state = 'running'""")
                .setParameter(1, id)
                .setParameter(2, now)
                .executeUpdate() == 1;
    }

    @Override
    public void finish(long id, RebuildJob.State state, String error, Instant now) {
        em.createNativeQuery("""
                        UPDATE projection_rebuilds SET state = ?2, error = ?3, updated_at = ?4, finished_at = ?4
                         WHERE id = ?1 AND state = 'running'""")
                .setParameter(1, id)
                .setParameter(2, state.name().toLowerCase(Locale.ROOT))
                .setParameter(3, error)
                .setParameter(4, now)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<RebuildJob> select(String where, int max, Object... parameters) {
        var query = em.createNativeQuery("SELECT " + COLUMNS + " FROM projection_rebuilds " + where + " ORDER BY id DESC")
                .setMaxResults(max);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(JpaRebuildJobs::job).toList();
    }

    private static RebuildJob job(Object[] row) {
        return new RebuildJob(((Number) row[0]).longValue(), (String) row[1],
                RebuildJob.State.valueOf(((String) row[2]).toUpperCase(Locale.ROOT)),
                new Checkpoint(((Number) row[3]).longValue(), ((Number) row[4]).longValue()),
                ((Number) row[5]).longValue(), ((Number) row[6]).longValue(), (Boolean) row[7], (String) row[8],
                SqlValues.instant(row[9]), SqlValues.instant(row[10]), SqlValues.instant(row[11]));
    }
}
