package org.orderflow.persistence.benchmark;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.orderflow.application.eventstore.EventMetadata;
import org.orderflow.application.eventstore.ExpectedVersion;
import org.orderflow.application.eventstore.NewEvent;
import org.orderflow.application.eventstore.StreamId;
import org.orderflow.application.projection.ProjectionManager;
import org.orderflow.application.projection.Projector;
import org.orderflow.application.projection.RetrySchedule;
import org.orderflow.domain.order.ItemAdded;
import org.orderflow.domain.order.OrderCreated;
import org.orderflow.persistence.eventstore.EventSerializer;
import org.orderflow.persistence.eventstore.JpaEventStore;
import org.orderflow.persistence.projection.JpaProjectionCheckpoints;
import org.orderflow.persistence.projection.JpaProjectionErrors;
import org.orderflow.persistence.readmodel.OrderDetailsProjector;
import org.orderflow.persistence.readmodel.OrderSummaryProjector;
import org.orderflow.persistence.support.TestDatabase;

/**
 * Benchmark, not a test: rebuilds the order projections over 100,000 events (10,000 orders of
 * 10 events) through the real manager and compares the rate with a raw sequential JDBC read of
 * the same rows in the same run. Run it with:
 *
 * <pre>mvn -B -pl infrastructure-persistence -am verify -Dtest=ProjectionRebuildBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class ProjectionRebuildBenchmark {

    private static final int ORDERS = 10_000;
    private static final int EVENTS_PER_ORDER = 10;
    private static final int BATCH = 1_000;

    @Test
    void rebuild_rate_against_a_raw_read() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            System.out.printf("[bench] writing %,d events ...%n", ORDERS * EVENTS_PER_ORDER);
            write(db);

            long rawStart = System.nanoTime();
            long rawRows = 0;
            try (Connection c = db.connection()) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.setFetchSize(BATCH);
                    try (ResultSet rs = s.executeQuery("SELECT * FROM events ORDER BY transaction_id, position")) {
                        while (rs.next()) {
                            rs.getString("payload");
                            rawRows++;
                        }
                    }
                }
            }
            double rawSeconds = (System.nanoTime() - rawStart) / 1e9;

            double summary = rebuild(db, OrderSummaryProjector.NAME);
            double details = rebuild(db, OrderDetailsProjector.NAME);

            System.out.println();
            System.out.printf("[bench] %-40s %12s %14s %10s%n", "", "seconds", "events/s", "x raw");
            System.out.printf("[bench] %-40s %12.2f %,14.0f %9.2fx%n", "raw JDBC read of the events table", rawSeconds,
                    rawRows / rawSeconds, 1.0);
            print("rebuild order-summary", summary, rawRows, rawSeconds);
            print("rebuild order-details", details, rawRows, rawSeconds);
            System.out.println("[bench] rerun: mvn -B -pl infrastructure-persistence -am verify "
                    + "-Dtest=ProjectionRebuildBenchmark -Dsurefire.failIfNoSpecifiedTests=false");
        }
    }

    private static void print(String label, double seconds, long events, double rawSeconds) {
        System.out.printf("[bench] %-40s %12.2f %,14.0f %9.2fx%n", label, seconds, events / seconds,
                (events / seconds) / (events / rawSeconds));
    }

    private static void write(TestDatabase db) {
        for (int from = 0; from < ORDERS; from += 100) {
            db.run(em -> {
                JpaEventStore store = new JpaEventStore(em, Clock.systemUTC(), new EventSerializer());
                for (int o = 0; o < 100; o++) {
                    UUID id = UUID.randomUUID();
                    List<NewEvent> events = new ArrayList<>();
                    events.add(new NewEvent(UUID.randomUUID(), new OrderCreated(id, "bench", null, null), EventMetadata.EMPTY));
                    for (int i = 1; i < EVENTS_PER_ORDER; i++) {
                        events.add(new NewEvent(UUID.randomUUID(), new ItemAdded(id, UUID.randomUUID(), "item", null, 1, 100),
                                EventMetadata.EMPTY));
                    }
                    store.append(StreamId.of("Order", id.toString()), ExpectedVersion.noStream(), events);
                }
            });
            if ((from + 100) % 2_000 == 0) {
                System.out.printf("[bench] %,d / %,d orders written%n", from + 100, ORDERS);
            }
        }
    }

    private static Projector projector(EntityManager em, String name) {
        return name.equals(OrderSummaryProjector.NAME) ? new OrderSummaryProjector(em) : new OrderDetailsProjector(em);
    }

    private static ProjectionManager manager(EntityManager em, Projector projector) {
        return new ProjectionManager(List.of(projector), new JpaEventStore(em, Clock.systemUTC(), new EventSerializer()),
                new JpaProjectionCheckpoints(em), new JpaProjectionErrors(em), RetrySchedule.DEFAULT, Clock.systemUTC());
    }

    /** Resets and replays the projector batch by batch, as the rebuild endpoint does; returns seconds. */
    private static double rebuild(TestDatabase db, String name) {
        db.run(em -> {
            Projector projector = projector(em, name);
            manager(em, projector).reset(projector);
        });
        long start = System.nanoTime();
        long done = 0;
        while (true) {
            int read = db.inTransaction(em -> {
                Projector projector = projector(em, name);
                return manager(em, projector).runBatch(projector, BATCH).eventsRead();
            });
            done += read;
            if (done % 20_000 < BATCH && read > 0) {
                System.out.printf("[bench] rebuild %s: %,d events, %.0f events/s%n", name, done,
                        done / ((System.nanoTime() - start) / 1e9));
            }
            if (read < BATCH) {
                return (System.nanoTime() - start) / 1e9;
            }
        }
    }
}
