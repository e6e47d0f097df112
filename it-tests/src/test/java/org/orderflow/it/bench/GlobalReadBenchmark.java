package org.orderflow.it.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orderflow.application.eventstore.Checkpoint;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.persistence.eventstore.EventSerializer;
import org.orderflow.persistence.eventstore.JpaEventStore;
import org.orderflow.persistence.support.TestDatabase;

/**
 * Benchmark, not a test: is a page of the global read as fast at the end of a 1M-event log as at
 * its start? {@code readAll} walks {@code events_global_order_idx} from the checkpoint, so a page
 * should cost the same wherever it starts; a plan that sorts or scans would make the last page
 * the slowest. 100k events go through the port (real payloads), then SQL copies them nine times
 * under other stream ids. Each page (1,000 events, deserialised and upcast) is read 15 times
 * through the port and by plain JDBC; the medians are reported.
 */
class GlobalReadBenchmark {

    private static final int ORDERS = 10_000;
    private static final int EVENTS_PER_ORDER = 10;
    private static final int COPIES = 9;
    private static final int PAGE = 1_000;
    private static final int READS = 15;

    @Test
    void first_and_last_page_of_a_million_event_log() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            OrderLog.write(db, ORDERS, EVENTS_PER_ORDER, "global read");
            long total;
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                for (int copy = 1; copy <= COPIES; copy++) {
                    BenchReport.progress("global read: copying the log, %d / %d ...", copy, COPIES);
                    s.execute("""
                            INSERT INTO events (position, event_id, tenant_id, stream_id, stream_type, stream_version,
                                                event_type, schema_version, payload, metadata, recorded_at)
                            SELECT nextval('events_position_seq'), gen_random_uuid(), tenant_id, stream_id || '-%d',
                                   stream_type, stream_version, event_type, schema_version, payload, metadata, recorded_at
                              FROM events WHERE stream_id NOT LIKE '%%-%%-%%-%%-%%-%%'
                             ORDER BY transaction_id, position""".formatted(copy));
                }
                s.execute("VACUUM ANALYZE events");
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM events")) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            Checkpoint nearTheEnd = checkpointBefore(db, total - PAGE);

            BenchReport.progress("global read: %,d events; first and last page, %d reads each ...", total, READS);
            double firstPort = medianMillis(() -> portPage(db, Checkpoint.START));
            double lastPort = medianMillis(() -> portPage(db, nearTheEnd));
            double firstRaw = medianMillis(() -> rawPage(db, Checkpoint.START));
            double lastRaw = medianMillis(() -> rawPage(db, nearTheEnd));

            String log = String.format("%,d-event log", total);
            BenchReport.record("global-read", "raw page of 1,000 at the start of a " + log, firstRaw, "ms",
                    "plain JDBC, same query and order, payload read as text");
            BenchReport.compare("global-read", "port page of 1,000 at the start of a " + log, firstPort, "ms",
                    "raw page of 1,000 at the start of a " + log, null, "readAll: deserialised and upcast; cost ratio");
            BenchReport.record("global-read", "raw page of 1,000 at the end of a " + log, lastRaw, "ms",
                    "plain JDBC from the checkpoint 1,000 events before the head");
            BenchReport.compare("global-read", "port page of 1,000 at the end of a " + log, lastPort, "ms",
                    "port page of 1,000 at the start of a " + log, "<= 1.5x", "flat: the last page costs what the first does");
        }
    }

    private static Checkpoint checkpointBefore(TestDatabase db, long offset) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT transaction_id::text::bigint, position FROM events"
                     + " ORDER BY transaction_id, position OFFSET " + (offset - 1) + " LIMIT 1")) {
            rs.next();
            return new Checkpoint(rs.getLong(1), rs.getLong(2));
        }
    }

    private static int portPage(TestDatabase db, Checkpoint after) {
        List<RecordedEvent> page = db.inTransaction(em -> new JpaEventStore(em, Clock.systemUTC(), new EventSerializer())
                .readAll(after, PAGE));
        return page.size();
    }

    /** The port's query and parameters by plain JDBC, the payload read as text: the page without deserialisation. */
    private static int rawPage(TestDatabase db, Checkpoint after) throws Exception {
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement("""
                     SELECT position, transaction_id::text::bigint, event_id, stream_id, stream_version, event_type,
                            payload::text, metadata::text, recorded_at
                       FROM events
                      WHERE (events.transaction_id, events.position) > (CAST(CAST(? AS text) AS xid8), ?)
                        AND events.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
                      ORDER BY events.transaction_id, events.position LIMIT ?""")) {
            s.setLong(1, after.transactionId());
            s.setLong(2, after.position());
            s.setInt(3, PAGE);
            int rows = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rs.getString(7);
                    rows++;
                }
            }
            return rows;
        }
    }

    @FunctionalInterface
    private interface PageRead {
        int read() throws Exception;
    }

    private static double medianMillis(PageRead read) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < READS; i++) {
            long start = System.nanoTime();
            if (read.read() != PAGE) {
                throw new AssertionError("a page of " + PAGE + " events was expected");
            }
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return millis.get(millis.size() / 2);
    }
}
