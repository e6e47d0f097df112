package org.orderflow.it.bench;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orderflow.application.eventstore.Checkpoint;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.application.projection.ProjectionRebuild;
import org.orderflow.application.projection.Projector;
import org.orderflow.application.projection.RebuildJob;
import org.orderflow.persistence.eventstore.EventSerializer;
import org.orderflow.persistence.eventstore.JpaEventStore;
import org.orderflow.persistence.readmodel.OrderDetailsProjector;
import org.orderflow.persistence.readmodel.OrderSummaryProjector;
import org.orderflow.persistence.support.TestDatabase;
import org.orderflow.persistence.support.TestRebuilds;

/**
 * Benchmark, not a test: rebuilds the order projections over 100,000 events (10,000 orders of
 * 10 events) through the real manager and compares the rate with a raw sequential JDBC read of
 * the same rows in the same run. Also samples this JVM's heap after every batch: the rebuild
 * streams the log through one cursor and applies it in batches, so the heap it needs does not
 * grow with the log. Part of the
 * benchmark run ({@link BenchReport#RERUN}).
 */
class ProjectionRebuildBenchmark {

    private static final int ORDERS = 10_000;
    private static final int EVENTS_PER_ORDER = 10;
    private static final int BATCH = 5_000;
    private static long peakHeapGrowth;

    @Test
    void rebuild_rate_against_a_raw_read() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            BenchReport.progress("rebuild: writing %,d events ...", ORDERS * EVENTS_PER_ORDER);
            OrderLog.write(db, ORDERS, EVENTS_PER_ORDER, "rebuild");

            // the first pass runs in a JVM that has not compiled the rebuild's code yet (its rate climbs from ~50k events/s
            // over the first batches); the second pass is the steady state a rebuild of a long log runs at: the target's row
            double coldSummary = rebuild(db, OrderSummaryProjector.NAME);
            double coldDetails = rebuild(db, OrderDetailsProjector.NAME);
            rawRead(db);
            readThroughThePort(db);
            BenchReport.progress("rebuild: warmed up; measuring ...");
            long rawRows = ORDERS * EVENTS_PER_ORDER;
            double rawSeconds = rawRead(db);
            double portRead = readThroughThePort(db);
            double summary = rebuild(db, OrderSummaryProjector.NAME);
            double details = rebuild(db, OrderDetailsProjector.NAME);

            long logBytes;
            try (Connection c = db.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT sum(pg_column_size(payload) + pg_column_size(metadata)) FROM events")) {
                rs.next();
                logBytes = rs.getLong(1);
            }
            BenchReport.record("rebuild", "raw JDBC read of 100k events", rawRows / rawSeconds, "events/s",
                    "SELECT * ORDER BY (transaction_id, position), fetch size 5,000, after a first pass");
            BenchReport.compare("rebuild", "read through the EventStore port (deserialise + upcast)", rawRows / portRead,
                    "events/s", "raw JDBC read of 100k events", null, "readAll in pages of 1,000: the rebuild's floor");
            BenchReport.compare("rebuild", "rebuild order-summary", rawRows / summary, "events/s",
                    "raw JDBC read of 100k events", ">= 0.5x", "blue/green job: one cursor, batches of 5,000, swap; second pass");
            BenchReport.compare("rebuild", "rebuild order-details", rawRows / details, "events/s",
                    "raw JDBC read of 100k events", ">= 0.5x", "blue/green job: one cursor, batches of 5,000, swap; second pass");
            BenchReport.compare("rebuild", "first rebuild in a fresh JVM, order-summary", rawRows / coldSummary, "events/s",
                    "raw JDBC read of 100k events", null, "the same job before the JIT compiled it");
            BenchReport.compare("rebuild", "first rebuild in a fresh JVM, order-details", rawRows / coldDetails, "events/s",
                    "raw JDBC read of 100k events", null, "the same job before the JIT compiled it");
            BenchReport.record("memory", "event payloads + metadata in the log (100k events)", logBytes / 1e6, "MB",
                    "what loading the log whole would hold at least");
            BenchReport.compare("memory", "peak heap growth during a 100k-event rebuild", peakHeapGrowth / 1e6, "MB",
                    "event payloads + metadata in the log (100k events)", null,
                    "benchmark JVM, sampled after each batch; bounded by the batch, not the log");
        }
    }

    /** A plain sequential JDBC read of the log's rows, payload as text; returns seconds. */
    private static double rawRead(TestDatabase db) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(BATCH);
                try (ResultSet rs = s.executeQuery("SELECT * FROM events ORDER BY transaction_id, position")) {
                    while (rs.next()) {
                        rs.getString("payload");
                    }
                }
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The global log read as the manager reads it, without projecting: what deserialisation costs. */
    private static double readThroughThePort(TestDatabase db) {
        long start = System.nanoTime();
        Checkpoint after = Checkpoint.START;
        while (true) {
            Checkpoint from = after;
            List<RecordedEvent> page = db.inTransaction(em -> new JpaEventStore(em, Clock.systemUTC(), new EventSerializer())
                    .readAll(from, BATCH));
            if (page.isEmpty()) {
                return (System.nanoTime() - start) / 1e9;
            }
            after = page.get(page.size() - 1).checkpoint();
        }
    }

    private static Projector projector(EntityManager em, String name) {
        return name.equals(OrderSummaryProjector.NAME) ? new OrderSummaryProjector(em) : new OrderDetailsProjector(em);
    }

    /**
     * A blue/green rebuild job as the server runs one (new tables beside the live ones, one cursor
     * over the log, a transaction per batch, the swap); returns seconds.
     */
    private static double rebuild(TestDatabase db, String name) {
        ProjectionRebuild rebuild = TestRebuilds.rebuild(db, List.of(name), ProjectionRebuildBenchmark::projector);
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();
        long start = System.nanoTime();
        RebuildJob job = rebuild.start(db.inTransaction(em -> projector(em, name)));
        long[] reported = {0};
        RebuildJob done = rebuild.run(job.id(), BATCH, progress -> {
            peakHeapGrowth = Math.max(peakHeapGrowth, runtime.totalMemory() - runtime.freeMemory() - heapBefore);
            if (progress.eventsDone() - reported[0] >= 20_000) {
                reported[0] = progress.eventsDone();
                BenchReport.progress("rebuild %s: %,d / %,d events, %.0f events/s", name, progress.eventsDone(),
                        progress.eventsTotal(), progress.eventsPerSecond());
            }
        });
        if (done.state() != RebuildJob.State.DONE) {
            throw new IllegalStateException("rebuild of " + name + " ended " + done.state() + ": " + done.error());
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
