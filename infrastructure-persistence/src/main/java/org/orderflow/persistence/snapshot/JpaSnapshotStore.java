package org.orderflow.persistence.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.orderflow.application.eventstore.StreamId;
import org.orderflow.application.snapshot.SnapshotStore;

/**
 * {@link SnapshotStore} in the {@code snapshots} table through native SQL: an upsert that only
 * ever moves a stream's snapshot forward, and a lenient read that treats a stale or unreadable
 * snapshot as absent (and counts it), because a snapshot is only a cache of the events.
 */
@ApplicationScoped
public class JpaSnapshotStore implements SnapshotStore {

    private static final Logger LOG = Logger.getLogger(JpaSnapshotStore.class.getName());

    private EntityManager em;
    private Clock clock;
    // Strict: a form that gained a field without a schema bump must not read as nulls and zeros.
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
    private final Map<String, AtomicLong> ignoredStale = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> ignoredUnreadable = new ConcurrentHashMap<>();

    protected JpaSnapshotStore() {
        // for CDI proxies
    }

    @Inject
    public JpaSnapshotStore(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    public <S> Optional<Snapshot<S>> load(StreamId stream, Class<S> form, int schemaVersion) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT stream_version, last_position, schema_version, payload::text
                          FROM snapshots WHERE tenant_id = ?1 AND stream_id = ?2 AND stream_type = ?3""")
                .setParameter(1, stream.tenantId())
                .setParameter(2, stream.id())
                .setParameter(3, stream.type())
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        int storedSchema = ((Number) row[2]).intValue();
        if (storedSchema != schemaVersion) {
            counter(ignoredStale, stream.type()).incrementAndGet();
            return Optional.empty();
        }
        try {
            S state = json.readValue((String) row[3], form);
            return Optional.of(new Snapshot<>(state, ((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        } catch (JsonProcessingException | RuntimeException e) {
            counter(ignoredUnreadable, stream.type()).incrementAndGet();
            LOG.warning(() -> "Ignoring unreadable snapshot of " + stream + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void save(StreamId stream, int schemaVersion, Snapshot<?> snapshot) {
        String payload;
        try {
            payload = json.writeValueAsString(snapshot.state());
        } catch (JsonProcessingException e) {
            // A snapshot is only a cache: failing to write one must not fail the command.
            LOG.warning(() -> "Not snapshotting " + stream + ": " + e.getMessage());
            return;
        }
        // Forward only: a slower transaction must not replace a newer snapshot with an older one.
        // A stale-schema snapshot is replaced whatever its version.
        em.createNativeQuery("""
                        INSERT INTO snapshots (tenant_id, stream_id, stream_type, stream_version, last_position,
                                               schema_version, payload, taken_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), ?8)
                        ON CONFLICT (tenant_id, stream_id) DO UPDATE
                           SET stream_version = EXCLUDED.stream_version, last_position = EXCLUDED.last_position,
                               schema_version = EXCLUDED.schema_version, payload = EXCLUDED.payload,
                               taken_at = EXCLUDED.taken_at
                         WHERE snapshots.stream_version < EXCLUDED.stream_version
                            OR snapshots.schema_version <> EXCLUDED.schema_version""")
                .setParameter(1, stream.tenantId())
                .setParameter(2, stream.id())
                .setParameter(3, stream.type())
                .setParameter(4, snapshot.streamVersion())
                .setParameter(5, snapshot.lastPosition())
                .setParameter(6, schemaVersion)
                .setParameter(7, payload)
                .setParameter(8, clock.instant())
                .executeUpdate();
    }

    @Override
    public int deleteAll(String streamType) {
        return em.createNativeQuery("DELETE FROM snapshots WHERE stream_type = ?1")
                .setParameter(1, streamType)
                .executeUpdate();
    }

    @Override
    public List<Stats> stats() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT stream_type, count(*), max(stream_version) FROM snapshots
                         GROUP BY stream_type ORDER BY stream_type""")
                .getResultList();
        Map<String, Stats> byType = new TreeMap<>();
        for (Object[] row : rows) {
            String type = (String) row[0];
            byType.put(type, new Stats(type, ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                    counter(ignoredStale, type).get(), counter(ignoredUnreadable, type).get()));
        }
        Set<String> ignoredTypes = new HashSet<>(ignoredStale.keySet());
        ignoredTypes.addAll(ignoredUnreadable.keySet());
        for (String type : ignoredTypes) {
            byType.putIfAbsent(type, new Stats(type, 0, 0, counter(ignoredStale, type).get(),
                    counter(ignoredUnreadable, type).get()));
        }
        return List.copyOf(byType.values());
    }

    private static AtomicLong counter(Map<String, AtomicLong> counters, String type) {
        return counters.computeIfAbsent(type, t -> new AtomicLong());
    }
}
