package org.orderflow.it.bench;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.orderflow.application.eventstore.EventMetadata;
import org.orderflow.application.eventstore.ExpectedVersion;
import org.orderflow.application.eventstore.NewEvent;
import org.orderflow.application.eventstore.StreamId;
import org.orderflow.domain.order.ItemAdded;
import org.orderflow.domain.order.OrderCreated;
import org.orderflow.persistence.eventstore.EventSerializer;
import org.orderflow.persistence.eventstore.JpaEventStore;
import org.orderflow.persistence.support.TestDatabase;

/**
 * Benchmark, not a test: events/s appended through the EventStore port (JpaEventStore) to new
 * streams (one per transaction, {@code noStream()}) and to existing streams (each writer its own
 * stream, {@code exactly(n)}), at 1, 8 and 32 writers with 1 and 10 events per transaction, against
 * the raw ceiling measured in the same run — plain JDBC inserts of identical rows into an
 * identical table ({@code CREATE TABLE ... (LIKE events INCLUDING ALL)}). Each case runs for a
 * few seconds; raw first, then the port. Part of the benchmark run ({@link BenchReport#RERUN}).
 */
class AppendBenchmark {

    private static final long SECONDS_PER_CASE = 4;
    static final int[] WRITERS = {1, 8, 32};
    private static final int[] EVENTS_PER_TX = {1, 10};
    private static final EventSerializer SERIALIZER = new EventSerializer();

    @Test
    void append_throughput_against_raw_jdbc() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE events_raw (LIKE events INCLUDING ALL)");
                s.execute("CREATE SEQUENCE events_raw_seq INCREMENT BY 50");
            }
            for (boolean existing : new boolean[] {false, true}) {
                for (int eventsPerTx : EVENTS_PER_TX) {
                    for (int writers : WRITERS) {
                        String suffix = writers + " writers, " + eventsPerTx + (eventsPerTx == 1 ? " event/tx" : " events/tx")
                                + (existing ? ", existing stream" : "");
                        BenchReport.progress("append: %s ...", suffix);
                        double raw = run(writers, () -> rawWriter(db, eventsPerTx, existing));
                        double port = run(writers, () -> portWriter(db, eventsPerTx, existing));
                        BenchReport.record("append", "raw, " + suffix, raw, "events/s", "plain JDBC batch insert + commit");
                        BenchReport.compare("append", "port, " + suffix, port, "events/s", "raw, " + suffix, ">= 0.9x",
                                existing ? "JpaEventStore.append, exactly(n) on the writer's own stream"
                                        : "JpaEventStore.append, one new stream per transaction");
                    }
                }
            }
        }
    }

    /** Runs one writer per thread for the case's duration; returns events per second. */
    private static double run(int writers, WriterFactory factory) throws Exception {
        AtomicLong events = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS_PER_CASE);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < writers; w++) {
            futures.add(pool.submit(() -> {
                Writer writer = factory.create();
                try {
                    while (System.nanoTime() < deadline) {
                        events.addAndGet(writer.writeOneTransaction());
                    }
                } finally {
                    writer.close();
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        return events.get() / ((System.nanoTime() - start) / 1e9);
    }

    @FunctionalInterface
    interface WriterFactory {
        Writer create() throws Exception;
    }

    interface Writer {
        int writeOneTransaction() throws Exception;

        void close() throws Exception;
    }

    private static List<NewEvent> events(UUID order, int count, boolean created) {
        List<NewEvent> events = new ArrayList<>(count);
        if (!created) {
            events.add(new NewEvent(UUID.randomUUID(), new OrderCreated(order, "bench", null, null), EventMetadata.EMPTY));
        }
        while (events.size() < count) {
            events.add(new NewEvent(UUID.randomUUID(), new ItemAdded(order, UUID.randomUUID(), "item", null, 1, 100),
                    EventMetadata.EMPTY));
        }
        return events;
    }

    private static Writer portWriter(TestDatabase db, int eventsPerTx, boolean existing) {
        EntityManager em = db.emf().createEntityManager();
        JpaEventStore store = new JpaEventStore(em, Clock.systemUTC(), SERIALIZER);
        UUID own = UUID.randomUUID();
        long[] head = {0};
        return new Writer() {
            public int writeOneTransaction() {
                UUID order = existing ? own : UUID.randomUUID();
                em.getTransaction().begin();
                if (existing) {
                    head[0] = store.append(StreamId.of("Order", order.toString()), ExpectedVersion.exactly(head[0]),
                            events(order, eventsPerTx, head[0] > 0)).streamVersion();
                } else {
                    store.append(StreamId.of("Order", order.toString()), ExpectedVersion.noStream(),
                            events(order, eventsPerTx, false));
                }
                em.getTransaction().commit();
                em.clear();
                return eventsPerTx;
            }

            public void close() {
                em.close();
            }
        };
    }

    /** The same rows (same serializer output) by plain JDBC: batch insert, commit. */
    private static Writer rawWriter(TestDatabase db, int eventsPerTx, boolean existing) throws Exception {
        Connection connection = db.connection();
        connection.setAutoCommit(false);
        PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO events_raw (position, event_id, tenant_id, stream_id, stream_type, stream_version, event_type,
                                        schema_version, payload, metadata, recorded_at)
                VALUES (nextval('events_raw_seq'), ?, 'default', ?, 'Order', ?, ?, ?, ?::jsonb, ?::jsonb, ?)""");
        UUID own = UUID.randomUUID();
        long[] head = {0};
        return new Writer() {
            public int writeOneTransaction() throws Exception {
                UUID order = existing ? own : UUID.randomUUID();
                long version = existing ? head[0] : 0;
                for (NewEvent event : events(order, eventsPerTx, version > 0)) {
                    EventSerializer.Serialized serialized = SERIALIZER.serialize(event.event());
                    insert.setObject(1, event.eventId());
                    insert.setString(2, order.toString());
                    insert.setLong(3, ++version);
                    insert.setString(4, serialized.eventType());
                    insert.setInt(5, serialized.schemaVersion());
                    insert.setString(6, serialized.payload());
                    insert.setString(7, SERIALIZER.serializeMetadata(event.metadata()));
                    insert.setTimestamp(8, Timestamp.from(Instant.now()));
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
                head[0] = version;
                return eventsPerTx;
            }

            public void close() throws Exception {
                insert.close();
                connection.close();
            }
        };
    }
}
