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
import org.hibernate.SessionFactory;
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
 * identical table ({@code CREATE TABLE ... (LIKE events INCLUDING ALL)}). After a short warm-up of
 * both paths, each case runs raw and port in alternating quarter-second slices, four seconds each.
 * Part of the benchmark run ({@link BenchReport#RERUN}).
 */
class AppendBenchmark {

    private static final long SECONDS_PER_CASE = 4;
    private static final long WARM_UP_SECONDS = 2;
    private static final long SLICE_MILLIS = 250;
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
            BenchReport.progress("append: warming both paths up for %d s ...", 2 * WARM_UP_SECONDS);
            run(1, () -> rawWriter(db, 1, false), () -> portWriter(db, 1, false), WARM_UP_SECONDS);
            for (boolean existing : new boolean[] {false, true}) {
                for (int eventsPerTx : EVENTS_PER_TX) {
                    for (int writers : WRITERS) {
                        String suffix = writers + " writers, " + eventsPerTx + (eventsPerTx == 1 ? " event/tx" : " events/tx")
                                + (existing ? ", existing stream" : "");
                        BenchReport.progress("append: %s ...", suffix);
                        double[] rates = run(writers, () -> rawWriter(db, eventsPerTx, existing),
                                () -> portWriter(db, eventsPerTx, existing), SECONDS_PER_CASE);
                        BenchReport.record("append", "raw, " + suffix, rates[0], "events/s", "plain JDBC batch insert + commit");
                        BenchReport.compare("append", "port, " + suffix, rates[1], "events/s", "raw, " + suffix, ">= 0.9x",
                                existing ? "JpaEventStore.append, exactly(n) on the writer's own stream"
                                        : "JpaEventStore.append, one new stream per transaction");
                    }
                }
            }
        }
    }

    /**
     * Runs the raw and the port writers in alternating slices of {@link #SLICE_MILLIS} until each
     * has run for {@code seconds}: both see the same minutes of a noisy machine (a drift in the
     * disk's fsync time or another process's load falls on both), instead of the raw case's
     * minute and then the port's. Returns events per second of each, raw first.
     */
    private static double[] run(int writers, WriterFactory raw, WriterFactory port, long seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Writer> rawWriters = new ArrayList<>();
        List<Writer> portWriters = new ArrayList<>();
        try {
            for (int w = 0; w < writers; w++) {
                rawWriters.add(raw.create());
                portWriters.add(port.create());
            }
            long[] events = new long[2];
            long[] nanos = new long[2];
            long slices = seconds * 1000 / SLICE_MILLIS;
            for (long slice = 0; slice < slices; slice++) {
                for (int path = 0; path < 2; path++) {
                    List<Writer> side = path == 0 ? rawWriters : portWriters;
                    AtomicLong count = new AtomicLong();
                    long start = System.nanoTime();
                    long deadline = start + TimeUnit.MILLISECONDS.toNanos(SLICE_MILLIS);
                    List<Future<?>> futures = new ArrayList<>();
                    for (Writer writer : side) {
                        futures.add(pool.submit(() -> {
                            while (System.nanoTime() < deadline) {
                                count.addAndGet(writer.writeOneTransaction());
                            }
                            return null;
                        }));
                    }
                    for (Future<?> future : futures) {
                        future.get();
                    }
                    nanos[path] += System.nanoTime() - start;
                    events[path] += count.get();
                }
            }
            return new double[] {events[0] / (nanos[0] / 1e9), events[1] / (nanos[1] / 1e9)};
        } finally {
            for (Writer writer : rawWriters) {
                writer.close();
            }
            for (Writer writer : portWriters) {
                writer.close();
            }
            pool.shutdown();
        }
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

    /**
     * The port on a connection of its own, as the raw writer has: through the factory's pool each
     * transaction took the next of its (after the 32-writer cases) twenty connections in turn, and the
     * one-writer cases that followed measured 0.65x whether they appended to new or to existing
     * streams, against ~0.87x when run first.
     */
    private static Writer portWriter(TestDatabase db, int eventsPerTx, boolean existing) throws Exception {
        Connection connection = db.connection();
        EntityManager em = db.emf().unwrap(SessionFactory.class).withOptions().connection(connection).openSession();
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

            public void close() throws Exception {
                em.close();
                connection.close();
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
