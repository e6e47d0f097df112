package org.orderflow.it.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.orderflow.persistence.support.TestDatabase;

/**
 * The Elixir guide's storage advice, measured on copies of the events table in one run:
 * lz4 instead of pglz TOAST compression for payloads, and hash partitioning by stream id (the
 * unique (tenant, stream, version) constraint survives because it contains the partition key;
 * the position primary key has to become (position, stream_id)). For each layout: append rate
 * (8 writers, 10 events per transaction, plain JDBC), table size, reading one stream, and the
 * global read in (transaction_id, position) order that projections and the outbox do. Small
 * payloads are the real ones (~150 bytes, never TOASTed); large ones (~6 KB of order notes)
 * show what compression does where it applies.
 */
class StorageBenchmark {

    private static final long SECONDS = 4;
    private static final int WRITERS = 8;
    private static final int EVENTS_PER_TX = 10;

    private record Layout(String name, String ddl) {
    }

    @Test
    void storage_layouts() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            List<Layout> layouts = List.of(
                    new Layout("plain (as shipped)", "CREATE TABLE %s (LIKE events INCLUDING ALL)"),
                    new Layout("lz4 payload compression", """
                            CREATE TABLE %1$s (LIKE events INCLUDING ALL);;
                            ALTER TABLE %1$s ALTER COLUMN payload SET COMPRESSION lz4"""),
                    new Layout("hash-partitioned by stream (8)", """
                            CREATE TABLE %1$s (LIKE events INCLUDING DEFAULTS INCLUDING GENERATED)
                                PARTITION BY HASH (stream_id);;
                            ALTER TABLE %1$s ADD PRIMARY KEY (position, stream_id);;
                            ALTER TABLE %1$s ADD UNIQUE (tenant_id, stream_id, stream_type, stream_version);;
                            CREATE INDEX ON %1$s (transaction_id, position);;
                            DO $$ BEGIN FOR i IN 0..7 LOOP
                              EXECUTE format('CREATE TABLE %%I PARTITION OF %1$s FOR VALUES WITH (MODULUS 8, REMAINDER %%s)', '%1$s_p' || i, i);
                            END LOOP; END $$"""));
            for (boolean large : new boolean[] {false, true}) {
                String size = large ? "6 KB payloads" : "150 B payloads";
                String baseline = null;
                for (int l = 0; l < layouts.size(); l++) {
                    Layout layout = layouts.get(l);
                    String table = "events_layout_" + l + (large ? "_large" : "_small");
                    try (Connection c = db.connection(); Statement s = c.createStatement()) {
                        for (String statement : layout.ddl().formatted(table).split(";;")) {
                            s.execute(statement);
                        }
                    }
                    BenchReport.progress("storage: %s, %s ...", layout.name(), size);
                    double rate = append(db, table, large);
                    String name = layout.name() + ", " + size + ": append";
                    if (baseline == null) {
                        baseline = name;
                        BenchReport.record("storage", name, rate, "events/s", WRITERS + " writers x " + EVENTS_PER_TX + " events/tx, raw JDBC");
                    } else {
                        BenchReport.compare("storage", name, rate, "events/s", baseline, null, "vs the plain table, same run");
                    }
                    BenchReport.record("storage", layout.name() + ", " + size + ": bytes per event",
                            (double) totalSize(db, table) / rows(db, table), "B",
                            "table + TOAST + indexes (all partitions) / rows");
                    BenchReport.record("storage", layout.name() + ", " + size + ": read one stream", readStreams(db, table), "ms",
                            "mean of 500 random streams, WHERE tenant, stream, type ORDER BY version");
                    BenchReport.record("storage", layout.name() + ", " + size + ": global read", globalRead(db, table), "events/s",
                            "ORDER BY (transaction_id, position) in pages of 1,000, as the projections read");
                }
            }
        }
    }

    private static double append(TestDatabase db, String table, boolean large) throws Exception {
        AtomicLong events = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        String payload = payload(large);
        long start = System.nanoTime();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(pool.submit(() -> {
                try (Connection c = db.connection(); PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO %s (position, event_id, tenant_id, stream_id, stream_type, stream_version, event_type,
                                        schema_version, payload, metadata, recorded_at)
                        VALUES (nextval('events_position_seq'), ?, 'default', ?, 'Order', ?, 'ItemAdded', 2, ?::jsonb, '{}'::jsonb, ?)"""
                        .formatted(table))) {
                    c.setAutoCommit(false);
                    while (System.nanoTime() < deadline) {
                        String stream = UUID.randomUUID().toString();
                        for (int v = 1; v <= EVENTS_PER_TX; v++) {
                            insert.setObject(1, UUID.randomUUID());
                            insert.setString(2, stream);
                            insert.setLong(3, v);
                            insert.setString(4, payload);
                            insert.setTimestamp(5, Timestamp.from(Instant.now()));
                            insert.addBatch();
                        }
                        insert.executeBatch();
                        c.commit();
                        events.addAndGet(EVENTS_PER_TX);
                    }
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();
        return events.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** An ItemAdded-like payload; the large one carries ~6 KB of free-text notes (compressible, like real text). */
    private static String payload(boolean large) {
        String base = "\"orderId\":\"" + UUID.randomUUID() + "\",\"lineId\":\"" + UUID.randomUUID()
                + "\",\"productName\":\"ノートPC\",\"productId\":null,\"quantity\":1,\"unitPriceCents\":120000";
        if (!large) {
            return "{" + base + "}";
        }
        StringBuilder notes = new StringBuilder();
        Random random = new Random(7);
        String[] words = {"deliver", "before", "noon", "leave", "at", "door", "gift", "wrap", "fragile", "call", "customer",
                "invoice", "attached", "warehouse", "tokyo", "osaka", "priority", "express", "note", "item"};
        while (notes.length() < 6_000) {
            notes.append(words[random.nextInt(words.length)]).append(' ');
        }
        return "{" + base + ",\"notes\":\"" + notes + "\"}";
    }

    private static long totalSize(TestDatabase db, String table) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement("""
                SELECT pg_total_relation_size(?::regclass)
                     + COALESCE((SELECT sum(pg_total_relation_size(relid)) FROM pg_partition_tree(?::regclass)
                                  WHERE relid <> ?::regclass), 0)""")) {
            s.setString(1, table);
            s.setString(2, table);
            s.setString(3, table);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long rows(TestDatabase db, String table) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return Math.max(1, rs.getLong(1));
        }
    }

    private static double readStreams(TestDatabase db, String table) throws SQLException {
        List<String> streams = new ArrayList<>();
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT stream_id FROM " + table + " WHERE stream_version = 1 ORDER BY random() LIMIT 500")) {
            while (rs.next()) {
                streams.add(rs.getString(1));
            }
        }
        try (Connection c = db.connection(); PreparedStatement read = c.prepareStatement("SELECT payload::text FROM " + table
                + " WHERE tenant_id = 'default' AND stream_id = ? AND stream_type = 'Order' ORDER BY stream_version")) {
            long start = System.nanoTime();
            for (String stream : streams) {
                read.setString(1, stream);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
            }
            return (System.nanoTime() - start) / 1e6 / Math.max(1, streams.size());
        }
    }

    private static double globalRead(TestDatabase db, String table) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement page = c.prepareStatement("SELECT transaction_id::text::bigint, position, payload::text FROM "
                + table + " WHERE (transaction_id, position) > (?::text::xid8, ?) ORDER BY transaction_id, position LIMIT 1000")) {
            long tx = 0;
            long position = 0;
            long rows = 0;
            long start = System.nanoTime();
            while (true) {
                page.setString(1, Long.toString(tx));
                page.setLong(2, position);
                int read = 0;
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        tx = rs.getLong(1);
                        position = rs.getLong(2);
                        rs.getString(3);
                        read++;
                    }
                }
                rows += read;
                if (read < 1000) {
                    break;
                }
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }
}
