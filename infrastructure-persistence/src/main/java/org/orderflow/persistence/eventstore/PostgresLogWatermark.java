package org.orderflow.persistence.eventstore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.orderflow.application.eventstore.LogWatermark;
import org.orderflow.persistence.SqlValues;

/**
 * {@link LogWatermark} from PostgreSQL's own view of the cluster: the safe point is the current
 * snapshot's {@code xmin} (the oldest transaction id still running, in any database), the
 * unreadable events are those of transactions at or past it (an index range on
 * {@code events_global_order_idx}), and the holder is the backend whose transaction id is the
 * oldest in {@code pg_stat_activity}. Another role's query text is visible only to a role with
 * {@code pg_read_all_stats}; without it PostgreSQL shows {@code <insufficient privilege>}.
 */
@ApplicationScoped
public class PostgresLogWatermark implements LogWatermark {

    private EntityManager em;
    private Clock clock;

    protected PostgresLogWatermark() {
        // for CDI proxies
    }

    @Inject
    public PostgresLogWatermark(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    public Snapshot read() {
        Object[] log = (Object[]) em.createNativeQuery("""
                SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint,
                       (SELECT COALESCE(max(position), 0) FROM events),
                       (SELECT count(*) FROM events WHERE transaction_id >= pg_snapshot_xmin(pg_current_snapshot())),
                       (SELECT min(recorded_at) FROM events WHERE transaction_id >= pg_snapshot_xmin(pg_current_snapshot()))""")
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> holders = em.createNativeQuery("""
                SELECT pid, datname, usename, application_name, state, xact_start, query_start, left(query, 500)
                  FROM pg_stat_activity
                 WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()
                 ORDER BY age(backend_xid) DESC
                 LIMIT 1""").getResultList();
        Instant now = clock.instant();
        Optional<Holder> holder = holders.stream().findFirst().map(row -> {
            Instant started = SqlValues.instant(row[5]);
            return new Holder(((Number) row[0]).intValue(), (String) row[1], (String) row[2], (String) row[3],
                    (String) row[4], started, started == null ? Duration.ZERO : Duration.between(started, now),
                    SqlValues.instant(row[6]), (String) row[7]);
        });
        return new Snapshot(((Number) log[0]).longValue(), ((Number) log[1]).longValue(), ((Number) log[2]).longValue(),
                Optional.ofNullable(SqlValues.instant(log[3])), holder);
    }
}
