package org.orderflow.persistence.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.application.eventstore.StreamId;
import org.orderflow.application.projection.ProjectionErrors;
import org.orderflow.persistence.SqlValues;

/** {@link ProjectionErrors} in {@code projection_errors} and {@code projection_parked}, by native SQL. */
@ApplicationScoped
public class JpaProjectionErrors implements ProjectionErrors {

    private static final String COLUMNS = """
            id, projector, tenant_id, stream_type, stream_id, stream_version, position, event_type, error_message,
            stack_summary, retry_count, next_retry_at, status, created_at, updated_at, resolved_by, resolution,
            (SELECT count(*) FROM projection_parked p WHERE p.projector = e.projector AND p.tenant_id = e.tenant_id
                AND p.stream_id = e.stream_id) AS parked""";
    private static final int STACK_LINES = 12;

    private EntityManager em;

    protected JpaProjectionErrors() {
        // for CDI proxies
    }

    @Inject
    public JpaProjectionErrors(EntityManager em) {
        this.em = em;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Set<StreamId> blockedStreams(String projector) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT tenant_id, stream_type, stream_id FROM projection_errors
                         WHERE projector = ?1 AND status IN ('RETRY_PENDING', 'DEAD')
                        UNION
                        SELECT tenant_id, stream_type, stream_id FROM projection_parked WHERE projector = ?1""")
                .setParameter(1, projector)
                .getResultList();
        Set<StreamId> streams = new HashSet<>();
        rows.forEach(row -> streams.add(new StreamId((String) row[0], (String) row[1], (String) row[2])));
        return streams;
    }

    @Override
    public Optional<Unapplied> firstUnappliedUpTo(String projector, String tenantId, String streamId, long position) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT tenant_id, stream_type, stream_id, stream_version, position, status, next_retry_at FROM (
                            SELECT e.tenant_id, e.stream_type, e.stream_id, e.stream_version, e.position, e.status, e.next_retry_at
                              FROM projection_errors e
                             WHERE e.projector = ?1 AND e.tenant_id = ?2 AND (?3 = '' OR e.stream_id = ?3)
                               AND e.status IN ('RETRY_PENDING', 'DEAD') AND e.position <= ?4
                            UNION ALL
                            SELECT p.tenant_id, p.stream_type, p.stream_id, p.stream_version, p.position,
                                   COALESCE(o.status, 'RESOLVED'), o.next_retry_at
                              FROM projection_parked p
                              LEFT JOIN projection_errors o ON o.projector = p.projector AND o.tenant_id = p.tenant_id
                                   AND o.stream_id = p.stream_id AND o.status IN ('RETRY_PENDING', 'DEAD')
                             WHERE p.projector = ?1 AND p.tenant_id = ?2 AND (?3 = '' OR p.stream_id = ?3)
                               AND p.position <= ?4) unapplied
                         ORDER BY position LIMIT 1""")
                .setParameter(1, projector)
                .setParameter(2, tenantId)
                .setParameter(3, streamId == null ? "" : streamId)
                .setParameter(4, position)
                .getResultList();
        return rows.stream().findFirst().map(row -> new Unapplied(
                new StreamId((String) row[0], (String) row[1], (String) row[2]), ((Number) row[3]).longValue(),
                ((Number) row[4]).longValue(), Status.valueOf((String) row[5]), SqlValues.instant(row[6])));
    }

    @Override
    public boolean hasOpenError(String projector, StreamId stream) {
        return ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM projection_errors
                         WHERE projector = ?1 AND tenant_id = ?2 AND stream_id = ?3 AND status IN ('RETRY_PENDING', 'DEAD')""")
                .setParameter(1, projector)
                .setParameter(2, stream.tenantId())
                .setParameter(3, stream.id())
                .getSingleResult()).longValue() > 0;
    }

    @Override
    public void clear(String projector) {
        em.createNativeQuery("DELETE FROM projection_parked WHERE projector = ?1").setParameter(1, projector).executeUpdate();
        em.createNativeQuery("DELETE FROM projection_errors WHERE projector = ?1").setParameter(1, projector).executeUpdate();
    }

    @Override
    public long record(String projector, RecordedEvent event, Throwable error, Instant nextRetryAt, Instant now) {
        return ((Number) em.createNativeQuery("""
                        INSERT INTO projection_errors (projector, tenant_id, stream_type, stream_id, stream_version, position,
                            event_id, event_type, error_message, stack_summary, retry_count, next_retry_at, status,
                            created_at, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0, ?11, ?12, ?13, ?13)
                        RETURNING id""")
                .setParameter(1, projector)
                .setParameter(2, event.stream().tenantId())
                .setParameter(3, event.stream().type())
                .setParameter(4, event.stream().id())
                .setParameter(5, event.streamVersion())
                .setParameter(6, event.position())
                .setParameter(7, event.eventId())
                .setParameter(8, event.eventType())
                .setParameter(9, String.valueOf(error))
                .setParameter(10, stackSummary(error))
                .setParameter(11, nextRetryAt)
                .setParameter(12, nextRetryAt == null ? Status.DEAD.name() : Status.RETRY_PENDING.name())
                .setParameter(13, now)
                .getSingleResult()).longValue();
    }

    @Override
    public void park(String projector, RecordedEvent event) {
        em.createNativeQuery("""
                        INSERT INTO projection_parked (projector, tenant_id, stream_type, stream_id, stream_version, position)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING""")
                .setParameter(1, projector)
                .setParameter(2, event.stream().tenantId())
                .setParameter(3, event.stream().type())
                .setParameter(4, event.stream().id())
                .setParameter(5, event.streamVersion())
                .setParameter(6, event.position())
                .executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Long> parkedVersions(String projector, StreamId stream) {
        List<Object> rows = em.createNativeQuery("""
                        SELECT stream_version FROM projection_parked
                         WHERE projector = ?1 AND tenant_id = ?2 AND stream_id = ?3 ORDER BY stream_version""")
                .setParameter(1, projector)
                .setParameter(2, stream.tenantId())
                .setParameter(3, stream.id())
                .getResultList();
        return rows.stream().map(v -> ((Number) v).longValue()).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<ParkedStream> strandedParkedStreams(int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT DISTINCT p.projector, p.tenant_id, p.stream_type, p.stream_id FROM projection_parked p
                         WHERE NOT EXISTS (SELECT 1 FROM projection_errors e
                                            WHERE e.projector = p.projector AND e.tenant_id = p.tenant_id
                                              AND e.stream_id = p.stream_id AND e.status IN ('RETRY_PENDING', 'DEAD'))
                         LIMIT ?1""")
                .setParameter(1, limit)
                .getResultList();
        return rows.stream().map(row -> new ParkedStream((String) row[0],
                new StreamId((String) row[1], (String) row[2], (String) row[3]))).toList();
    }

    @Override
    public void unpark(String projector, StreamId stream, long streamVersion) {
        em.createNativeQuery("""
                        DELETE FROM projection_parked
                         WHERE projector = ?1 AND tenant_id = ?2 AND stream_id = ?3 AND stream_version = ?4""")
                .setParameter(1, projector)
                .setParameter(2, stream.tenantId())
                .setParameter(3, stream.id())
                .setParameter(4, streamVersion)
                .executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Failure> due(Instant now, int limit) {
        return ((List<Object[]>) em.createNativeQuery("SELECT " + COLUMNS + " " + """
                         FROM projection_errors e WHERE status = 'RETRY_PENDING' AND next_retry_at <= ?1
                         ORDER BY next_retry_at, id LIMIT ?2""")
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList()).stream().map(JpaProjectionErrors::failure).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Failure> find(long id) {
        return ((List<Object[]>) em.createNativeQuery("SELECT " + COLUMNS + " FROM projection_errors e WHERE id = ?1")
                .setParameter(1, id)
                .getResultList()).stream().findFirst().map(JpaProjectionErrors::failure);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Failure> list(String projector, Status status, Optional<String> tenant, int limit) {
        return ((List<Object[]>) em.createNativeQuery("SELECT " + COLUMNS + " " + """
                         FROM projection_errors e
                         WHERE (CAST(?1 AS text) IS NULL OR projector = ?1) AND (CAST(?2 AS text) IS NULL OR status = ?2)
                           AND (CAST(?4 AS text) IS NULL OR tenant_id = ?4)
                         ORDER BY id DESC LIMIT ?3""")
                .setParameter(1, projector)
                .setParameter(2, status == null ? null : status.name())
                .setParameter(3, limit)
                .setParameter(4, tenant.orElse(null))
                .getResultList()).stream().map(JpaProjectionErrors::failure).toList();
    }

    @Override
    public void retryFailed(long id, int retryCount, Instant nextRetryAt, String message, Instant now) {
        em.createNativeQuery("""
                        UPDATE projection_errors SET retry_count = ?2, next_retry_at = ?3, status = ?4, error_message = ?5,
                               updated_at = ?6 WHERE id = ?1""")
                .setParameter(1, id)
                .setParameter(2, retryCount)
                .setParameter(3, nextRetryAt)
                .setParameter(4, nextRetryAt == null ? Status.DEAD.name() : Status.RETRY_PENDING.name())
                .setParameter(5, message)
                .setParameter(6, now)
                .executeUpdate();
    }

    @Override
    public void close(long id, Status status, String by, String note, Instant now) {
        em.createNativeQuery("""
                        UPDATE projection_errors SET status = ?2, next_retry_at = NULL, resolved_by = ?3, resolution = ?4,
                               updated_at = ?5 WHERE id = ?1""")
                .setParameter(1, id)
                .setParameter(2, status.name())
                .setParameter(3, by)
                .setParameter(4, note)
                .setParameter(5, now)
                .executeUpdate();
    }

    private static String stackSummary(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return String.join("\n", trace.toString().lines().limit(STACK_LINES).toList());
    }

    private static Failure failure(Object[] row) {
        return new Failure(((Number) row[0]).longValue(), (String) row[1],
                new StreamId((String) row[2], (String) row[3], (String) row[4]), ((Number) row[5]).longValue(),
                ((Number) row[6]).longValue(), (String) row[7], (String) row[8], (String) row[9],
                ((Number) row[10]).intValue(), SqlValues.instant(row[11]), Status.valueOf((String) row[12]), SqlValues.instant(row[13]),
                SqlValues.instant(row[14]), (String) row[15], (String) row[16], ((Number) row[17]).intValue());
    }
}
