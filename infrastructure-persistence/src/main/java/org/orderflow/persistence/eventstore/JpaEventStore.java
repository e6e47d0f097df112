package org.orderflow.persistence.eventstore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.orderflow.application.eventstore.AppendResult;
import org.orderflow.application.eventstore.Checkpoint;
import org.orderflow.application.eventstore.ConcurrencyConflict;
import org.orderflow.application.eventstore.EventMetadata;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.application.eventstore.ExpectedVersion;
import org.orderflow.application.eventstore.NewEvent;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.application.eventstore.StreamId;
import org.orderflow.persistence.AdvisoryLocks;

/**
 * {@link EventStore} on PostgreSQL, on the JPA transaction's own connection. An append is one
 * {@code INSERT ... SELECT ... RETURNING} ({@link #APPEND}), so a lost race on the (tenant,
 * stream, version) unique constraint becomes a {@link ConcurrencyConflict} inside the append
 * call, not an exception at commit. One event after a version this process has seen committed
 * ({@link CommittedHeads}; a new stream's version 0 always) is inserted without reading the head
 * ({@link #APPEND_ONE_AFTER_KNOWN}). Reads are native queries that bypass the persistence
 * context: stored events are immutable and may be many.
 */
@ApplicationScoped
public class JpaEventStore implements EventStore {

    static final String STREAM_VERSION_CONSTRAINT = "events_stream_version_uk";

    private static final String COLUMNS = """
            position, transaction_id::text::bigint AS transaction_id, event_id, tenant_id, stream_id,
            stream_type, stream_version, event_type, schema_version, payload::text AS payload,
            metadata::text AS metadata, recorded_at""";

    /**
     * The global read after a checkpoint (its two parameters: transaction id, position), up to the
     * gap-safe point. ORDER BY names the table's columns: the select list's {@code transaction_id}
     * is a bigint alias, and ordering by it would sort the whole table instead of walking
     * {@code events_global_order_idx} (a test EXPLAINs this on 100k rows).
     */
    private static final String GLOBAL_READ = "SELECT " + COLUMNS + " " + """
             FROM events
            WHERE (events.transaction_id, events.position) > (CAST(CAST(%s AS text) AS xid8), %s)
              AND events.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY events.transaction_id, events.position""";

    /** The global read a page at a time (JDBC parameters: transaction id, position, page size). */
    static final String READ_ALL = GLOBAL_READ.formatted("?", "?") + "\nLIMIT ?";

    /**
     * The events of one correlation id in position order (parameters: correlation id, position,
     * tenant or null for every tenant, limit); walks {@code events_correlation_idx}.
     */
    static final String CORRELATED = "SELECT " + COLUMNS + " " + """
             FROM events
            WHERE events.metadata ->> 'correlationId' = ?
              AND events.position > ?
              AND (CAST(? AS text) IS NULL OR events.tenant_id = CAST(? AS text))
            ORDER BY events.metadata ->> 'correlationId', events.position
            LIMIT ?""";

    /** The same read without a limit and with JDBC parameters, for a cursor. */
    static final String READ_ALL_CURSOR = GLOBAL_READ.formatted("?", "?");

    private EntityManager em;
    private Clock clock;
    private EventSerializer serializer;
    private CommittedHeads heads;

    protected JpaEventStore() {
        // for CDI proxies
    }

    @Inject
    public JpaEventStore(EntityManager em, Clock clock, EventSerializer serializer) {
        this(em, clock, serializer, new CommittedHeads());
    }

    /** A store that shares what it learns of committed versions with others of the same process. */
    public JpaEventStore(EntityManager em, Clock clock, EventSerializer serializer, CommittedHeads heads) {
        this.em = Objects.requireNonNull(em);
        this.clock = Objects.requireNonNull(clock);
        this.serializer = Objects.requireNonNull(serializer);
        this.heads = Objects.requireNonNull(heads);
    }

    /** A transaction-scoped advisory lock on the stream's name (no row, no transaction id taken). */
    @Override
    public void lockStream(StreamId stream) {
        if (!AdvisoryLocks.transactionLock(em, "stream/" + stream.tenantId() + "/" + stream.type() + "/" + stream.id(),
                AdvisoryLocks.COMMAND_WAIT)) {
            // a queue of commands on one aggregate longer than the lock timeout: answered as a conflict (retried, then 409)
            throw new ConcurrencyConflict(stream, ExpectedVersion.any(), OptionalLong.empty());
        }
    }

    /**
     * The whole append in one statement and one round trip: the stream's head version is read in
     * the statement itself (a backward probe of the unique index), the expectation is its WHERE
     * clause, and the events arrive as arrays, numbered head + 1, head + 2, ... by their order.
     * No version is read before the insert, none can be skipped (the numbers start right after
     * the head), and a writer that loses a race on the same version is stopped by the unique index.
     */
    static final String APPEND = """
            INSERT INTO events (position, event_id, tenant_id, stream_id, stream_type, stream_version, event_type,
                                schema_version, payload, metadata, recorded_at)
            SELECT nextval('events_position_seq'), n.event_id, ?, ?, ?, head.version + n.ord, n.event_type,
                   n.schema_version, n.payload::jsonb, n.metadata::jsonb, ?
              FROM (SELECT COALESCE(MAX(stream_version), 0) AS version
                      FROM events WHERE tenant_id = ? AND stream_id = ?) AS head,
                   (SELECT * FROM unnest(?::uuid[], ?::text[], ?::int[], ?::text[], ?::text[])
                                  WITH ORDINALITY AS u(event_id, event_type, schema_version, payload, metadata, ord)
                     ORDER BY ord) AS n
             WHERE head.version BETWEEN ? AND ?
            RETURNING position, stream_version""";

    /** {@link #APPEND} for the common case of one event: plain parameters instead of arrays. */
    static final String APPEND_ONE = """
            INSERT INTO events (position, event_id, tenant_id, stream_id, stream_type, stream_version, event_type,
                                schema_version, payload, metadata, recorded_at)
            SELECT nextval('events_position_seq'), ?, ?, ?, ?, head.version + 1, ?, ?, ?::jsonb, ?::jsonb, ?
              FROM (SELECT COALESCE(MAX(stream_version), 0) AS version
                      FROM events WHERE tenant_id = ? AND stream_id = ?) AS head
             WHERE head.version BETWEEN ? AND ?
            RETURNING position, stream_version""";

    /**
     * One event after a version known to exist ({@link CommittedHeads}), without reading the head:
     * the version follows one that exists, so it leaves no gap; if another writer holds it, the
     * unique index makes the insert do nothing (no row returned) and the transaction stays usable.
     */
    static final String APPEND_ONE_AFTER_KNOWN = """
            INSERT INTO events (position, event_id, tenant_id, stream_id, stream_type, stream_version, event_type,
                                schema_version, payload, metadata, recorded_at)
            VALUES (nextval('events_position_seq'), ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)
            ON CONFLICT ON CONSTRAINT events_stream_version_uk DO NOTHING
            RETURNING position, stream_version""";

    @Override
    public AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("Nothing to append to " + stream);
        }
        int size = events.size();
        Object[] ids = new Object[size];
        String[] types = new String[size];
        Integer[] schemaVersions = new Integer[size];
        String[] payloads = new String[size];
        String[] metadata = new String[size];
        for (int i = 0; i < size; i++) {
            NewEvent event = events.get(i);
            EventSerializer.Serialized serialized = serializer.serialize(event.event());
            ids[i] = event.eventId();
            types[i] = serialized.eventType();
            schemaVersions[i] = serialized.schemaVersion();
            payloads[i] = serialized.payload();
            metadata[i] = serializer.serializeMetadata(event.metadata());
        }
        // One event after a version this process has seen committed (a new stream: after 0) needs no
        // read of the head. Several events read it in the statement either way: as cheap as any other
        // guard against writing some of them after a version another writer holds (measured).
        long knownHead = size == 1 ? knownHead(stream, expected) : -1;
        long[] accepted = acceptedHeads(expected);
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        long[] written;
        try {
            written = em.unwrap(Session.class).doReturningWork(connection -> {
                try (PreparedStatement insert = knownHead >= 0
                        ? prepareAfterKnown(connection, stream, knownHead, now, ids, types, schemaVersions, payloads, metadata)
                        : prepareWithHeadRead(connection, stream, accepted, now, ids, types, schemaVersions, payloads, metadata)) {
                    long first = Long.MAX_VALUE;
                    long last = Long.MIN_VALUE;
                    long version = 0;
                    try (ResultSet returned = insert.executeQuery()) {
                        while (returned.next()) {
                            first = Math.min(first, returned.getLong(1));
                            last = Math.max(last, returned.getLong(1));
                            version = Math.max(version, returned.getLong(2));
                        }
                    }
                    return version == 0 ? null : new long[] {version, first, last}; // no row: the expectation failed
                }
            });
        } catch (PersistenceException e) {
            if (isStreamVersionClash(e)) {
                // a writer that read the same head committed first: the actual version is not readable here
                throw new ConcurrencyConflict(stream, expected, OptionalLong.empty());
            }
            throw e;
        }
        if (written == null) {
            // the expectation did not hold; nothing was written and the transaction is still usable
            throw new ConcurrencyConflict(stream, expected, OptionalLong.of(currentVersion(stream)));
        }
        heads.learnAtCommit(em.unwrap(SessionImplementor.class), stream, written[0]);
        return new AppendResult(written[0], written[1], written[2]);
    }

    /** The head the append can follow without reading it, or -1 when it must be read. */
    private long knownHead(StreamId stream, ExpectedVersion expected) {
        if (expected instanceof ExpectedVersion.NoStream) {
            return 0;
        }
        if (expected instanceof ExpectedVersion.Exact exact && heads.holds(stream, exact.version())) {
            return exact.version();
        }
        return -1;
    }

    private static PreparedStatement prepareAfterKnown(Connection connection, StreamId stream, long head, OffsetDateTime now,
            Object[] ids, String[] types, Integer[] schemaVersions, String[] payloads, String[] metadata) throws SQLException {
        PreparedStatement insert = connection.prepareStatement(APPEND_ONE_AFTER_KNOWN);
        insert.setObject(1, ids[0]);
        insert.setString(2, stream.tenantId());
        insert.setString(3, stream.id());
        insert.setString(4, stream.type());
        insert.setLong(5, head + 1);
        insert.setString(6, types[0]);
        insert.setInt(7, schemaVersions[0]);
        insert.setString(8, payloads[0]);
        insert.setString(9, metadata[0]);
        insert.setObject(10, now);
        return insert;
    }

    private static PreparedStatement prepareWithHeadRead(Connection connection, StreamId stream, long[] accepted,
            OffsetDateTime now, Object[] ids, String[] types, Integer[] schemaVersions, String[] payloads, String[] metadata)
            throws SQLException {
        int size = ids.length;
        PreparedStatement insert = connection.prepareStatement(size == 1 ? APPEND_ONE : APPEND);
        if (size == 1) {
            insert.setObject(1, ids[0]);
            insert.setString(2, stream.tenantId());
            insert.setString(3, stream.id());
            insert.setString(4, stream.type());
            insert.setString(5, types[0]);
            insert.setInt(6, schemaVersions[0]);
            insert.setString(7, payloads[0]);
            insert.setString(8, metadata[0]);
            insert.setObject(9, now);
        } else {
            insert.setString(1, stream.tenantId());
            insert.setString(2, stream.id());
            insert.setString(3, stream.type());
            insert.setObject(4, now);
            insert.setArray(7, connection.createArrayOf("uuid", ids));
            insert.setArray(8, connection.createArrayOf("text", types));
            insert.setArray(9, connection.createArrayOf("int4", schemaVersions));
            insert.setArray(10, connection.createArrayOf("text", payloads));
            insert.setArray(11, connection.createArrayOf("text", metadata));
        }
        // the head's stream and the accepted range: the same places in both statements
        int head = size == 1 ? 10 : 5;
        insert.setString(head, stream.tenantId());
        insert.setString(head + 1, stream.id());
        insert.setLong(12, accepted[0]);
        insert.setLong(13, accepted[1]);
        return insert;
    }

    /** The head versions the expectation accepts, as an inclusive range. */
    private static long[] acceptedHeads(ExpectedVersion expected) {
        if (expected instanceof ExpectedVersion.Exact exact) {
            return new long[] {exact.version(), exact.version()};
        }
        if (expected instanceof ExpectedVersion.NoStream) {
            return new long[] {0, 0};
        }
        if (expected instanceof ExpectedVersion.StreamExists) {
            return new long[] {1, Long.MAX_VALUE};
        }
        return new long[] {0, Long.MAX_VALUE}; // any
    }

    private static boolean isStreamVersionClash(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation
                    && STREAM_VERSION_CONSTRAINT.equalsIgnoreCase(violation.getConstraintName())) {
                return true;
            }
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState()) && sql.getMessage() != null
                    && sql.getMessage().contains(STREAM_VERSION_CONSTRAINT)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<RecordedEvent> load(StreamId stream, long afterVersion, int maxCount) {
        List<RecordedEvent> events = query("SELECT " + COLUMNS + " " + """
                 FROM events
                WHERE tenant_id = :tenant AND stream_id = :stream AND stream_type = :type AND stream_version > :after
                ORDER BY stream_version
                LIMIT :max""")
                .setParameter("tenant", stream.tenantId())
                .setParameter("stream", stream.id())
                .setParameter("type", stream.type())
                .setParameter("after", afterVersion)
                .setParameter("max", maxCount)
                .getResultList()
                .stream()
                .map(this::toRecordedEvent)
                .toList();
        if (!events.isEmpty()) {
            // what a command loads it appends after: known once this transaction commits, no head read then
            heads.learnAtCommit(em.unwrap(SessionImplementor.class), stream, events.get(events.size() - 1).streamVersion());
        }
        return events;
    }

    @Override
    public long currentVersion(StreamId stream) {
        Object max = em.createNativeQuery(
                        "SELECT COALESCE(MAX(stream_version), 0) FROM events WHERE tenant_id = ?1 AND stream_id = ?2 AND stream_type = ?3")
                .setParameter(1, stream.tenantId())
                .setParameter(2, stream.id())
                .setParameter(3, stream.type())
                .getSingleResult();
        long version = ((Number) max).longValue();
        heads.learnAtCommit(em.unwrap(SessionImplementor.class), stream, version);
        return version;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<StreamId> streams(StreamId after, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT tenant_id, stream_type, stream_id FROM events
                         WHERE stream_version = 1 AND (tenant_id, stream_id) > (?1, ?2)
                         ORDER BY tenant_id, stream_id LIMIT ?3""")
                .setParameter(1, after == null ? "" : after.tenantId())
                .setParameter(2, after == null ? "" : after.id())
                .setParameter(3, limit)
                .getResultList();
        return rows.stream().map(row -> new StreamId((String) row[0], (String) row[1], (String) row[2])).toList();
    }

    @Override
    public long streamCount() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM events WHERE stream_version = 1")
                .getSingleResult()).longValue();
    }

    @Override
    public long eventCount() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM events").getSingleResult()).longValue();
    }

    @Override
    public List<RecordedEvent> readAll(Checkpoint after, int maxCount) {
        if (maxCount < 1) {
            throw new IllegalArgumentException("maxCount must be >= 1");
        }
        // Rows of a transaction below the snapshot's xmin are final: every transaction that could
        // still commit has an id >= xmin, so it sorts after anything returned here. Nothing can
        // appear behind the checkpoint later, and no lock or gap timeout is needed.
        // Plain JDBC on the transaction's own connection: the page goes straight from the driver's rows
        // to recorded events, without the persistence layer's row arrays and type conversions (a
        // projector reads a page per run, a rebuild's catch-up page after page).
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement read = connection.prepareStatement(READ_ALL)) {
                read.setLong(1, after.transactionId());
                read.setLong(2, after.position());
                read.setInt(3, maxCount);
                try (ResultSet rows = read.executeQuery()) {
                    List<RecordedEvent> events = new ArrayList<>(Math.min(maxCount, 1_000));
                    while (rows.next()) {
                        events.add(toRecordedEvent(serializer, rows));
                    }
                    return events;
                }
            }
        });
    }

    @Override
    public List<RecordedEvent> correlated(String correlationId, Optional<String> tenant, long afterPosition, int limit) {
        Objects.requireNonNull(correlationId, "correlationId");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1");
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement read = connection.prepareStatement(CORRELATED)) {
                read.setString(1, correlationId);
                read.setLong(2, afterPosition);
                read.setString(3, tenant.orElse(null));
                read.setString(4, tenant.orElse(null));
                read.setInt(5, limit);
                try (ResultSet rows = read.executeQuery()) {
                    List<RecordedEvent> events = new ArrayList<>();
                    while (rows.next()) {
                        events.add(toRecordedEvent(serializer, rows));
                    }
                    return events;
                }
            }
        });
    }

    @SuppressWarnings("unchecked")
    private NativeQuery<Object[]> query(String sql) {
        return em.createNativeQuery(sql).unwrap(NativeQuery.class)
                .addScalar("position", StandardBasicTypes.LONG)
                .addScalar("transaction_id", StandardBasicTypes.LONG)
                .addScalar("event_id", StandardBasicTypes.UUID)
                .addScalar("tenant_id", StandardBasicTypes.STRING)
                .addScalar("stream_id", StandardBasicTypes.STRING)
                .addScalar("stream_type", StandardBasicTypes.STRING)
                .addScalar("stream_version", StandardBasicTypes.LONG)
                .addScalar("event_type", StandardBasicTypes.STRING)
                .addScalar("schema_version", StandardBasicTypes.INTEGER)
                .addScalar("payload", StandardBasicTypes.STRING)
                .addScalar("metadata", StandardBasicTypes.STRING)
                .addScalar("recorded_at", StandardBasicTypes.INSTANT);
    }

    private RecordedEvent toRecordedEvent(Object[] row) {
        return toRecordedEvent(serializer, row);
    }

    /** The current row of a result of {@link #COLUMNS}, read straight from the driver, as a recorded event. */
    static RecordedEvent toRecordedEvent(EventSerializer serializer, ResultSet rows) throws SQLException {
        return toRecordedEvent(serializer, new Object[] {
                rows.getLong(1), rows.getLong(2), rows.getObject(3, UUID.class), rows.getString(4), rows.getString(5),
                rows.getString(6), rows.getLong(7), rows.getString(8), rows.getInt(9), rows.getString(10), rows.getString(11),
                rows.getObject(12, OffsetDateTime.class).toInstant()});
    }

    /** A row of {@link #COLUMNS}, in their order and with the driver's types, as a recorded event. */
    static RecordedEvent toRecordedEvent(EventSerializer serializer, Object[] row) {
        String storedType = (String) row[7];
        String eventType = serializer.resolve(storedType).name();
        int schemaVersion = (Integer) row[8];
        EventMetadata metadata = serializer.deserializeMetadata((String) row[10]);
        return new RecordedEvent(
                (Long) row[0],
                (Long) row[1],
                (UUID) row[2],
                new StreamId((String) row[3], (String) row[5], (String) row[4]),
                (Long) row[6],
                eventType,
                schemaVersion,
                serializer.deserialize(storedType, schemaVersion, (String) row[9]),
                metadata,
                (Instant) row[11]);
    }
}
