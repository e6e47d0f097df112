package org.orderflow.persistence.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderflow.application.command.CommandContext;
import org.orderflow.application.eventstore.Checkpoint;
import org.orderflow.application.eventstore.LogCursors;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.application.order.Orders;
import org.orderflow.application.projection.LiveBatches;
import org.orderflow.application.projection.ProjectionRebuild;
import org.orderflow.application.projection.Projector;
import org.orderflow.application.projection.RebuildJob;
import org.orderflow.application.projection.RebuildRunning;
import org.orderflow.application.projection.RetrySchedule;
import org.orderflow.application.snapshot.SnapshotPolicy;
import org.orderflow.domain.order.LineId;
import org.orderflow.domain.order.Order;
import org.orderflow.domain.order.OrderId;
import org.orderflow.persistence.eventstore.EventSerializer;
import org.orderflow.persistence.eventstore.JdbcLogCursors;
import org.orderflow.persistence.eventstore.JpaEventStore;
import org.orderflow.persistence.projection.JpaProjectionCheckpoints;
import org.orderflow.persistence.projection.JpaProjectionErrors;
import org.orderflow.persistence.snapshot.JpaSnapshotStore;
import org.orderflow.persistence.support.TestDatabase;
import org.orderflow.persistence.support.TestRebuilds;

/**
 * Blue/green rebuilds against real PostgreSQL: the new read model is built beside the live one,
 * which keeps answering (and following the log) until the swap; the swap is atomic and keeps the
 * live table's indexes; a cancelled or failed rebuild leaves the live model as it was; an
 * interrupted one resumes where its last batch committed.
 */
class BlueGreenRebuildTest {

    private static final CommandContext CONTEXT = CommandContext.of("blue-green-test");
    private static final String SUMMARIES = OrderSummaryProjector.NAME;
    private static final int BATCH = 7; // orders of 5 events straddle batches

    private TestDatabase db;
    private ProjectionRebuild rebuild;
    /** Every row as the live projector wrote it, event by event, before the drift. */
    private List<String> projectedLive;

    @BeforeEach
    void given_a_log_of_orders_and_a_live_read_model_that_drifted_from_it() throws SQLException {
        db = TestDatabase.create();
        writeOrders(30, 4); // 30 orders x (created + 4 items) = 150 events
        catchUpLive();
        projectedLive = rows("order_summaries");
        execute("UPDATE order_summaries SET customer_name = 'drifted'");
        rebuild = TestRebuilds.rebuild(db, List.of(SUMMARIES), BlueGreenRebuildTest::projector);
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void the_live_model_answers_until_the_swap_and_the_rebuilt_one_after_it() throws SQLException {
        List<String> indexesBefore = indexes("order_summaries");
        List<Long> liveRowsDuringTheBuild = new ArrayList<>();
        List<Long> shadowRowsDuringTheBuild = new ArrayList<>();

        RebuildJob job = rebuild.start(summaries());
        RebuildJob done = rebuild.run(job.id(), BATCH, progress -> {
            liveRowsDuringTheBuild.add(count("SELECT count(*) FROM order_summaries WHERE customer_name = 'drifted'"));
            shadowRowsDuringTheBuild.add(count("SELECT count(*) FROM " + db.schema() + "_shadow.order_summaries"));
        });

        assertThat(done.state()).isEqualTo(RebuildJob.State.DONE);
        assertThat(done.eventsDone()).isEqualTo(150);
        assertThat(done.eventsTotal()).isEqualTo(150);
        assertThat(done.fractionDone()).isEqualTo(1.0);
        // while building: the live table kept every (drifted) row; the new one grew beside it
        assertThat(liveRowsDuringTheBuild.subList(0, liveRowsDuringTheBuild.size() - 1)).allMatch(rows -> rows == 30);
        assertThat(shadowRowsDuringTheBuild.get(0)).isBetween(1L, 29L);
        // after the swap: the replayed rows, under the live table's index names, and no shadow left
        assertThat(count("SELECT count(*) FROM order_summaries WHERE customer_name = 'drifted'")).isZero();
        assertThat(count("SELECT count(*) FROM order_summaries")).isEqualTo(30);
        // written in bulk (orders straddle the batches of 7: rows inserted in one batch, updated in the next),
        // every column equal to what the live projector wrote
        assertThat(rows("order_summaries")).isEqualTo(projectedLive);
        assertThat(indexes("order_summaries")).isEqualTo(indexesBefore);
        assertThat(count("SELECT count(*) FROM pg_tables WHERE schemaname = '" + db.schema() + "_shadow'")).isZero();
        Checkpoint head = db.inTransaction(em -> store(em).readAll(Checkpoint.START, 1_000)).get(149).checkpoint();
        Checkpoint live = db.inTransaction(em -> new JpaProjectionCheckpoints(em).checkpoint(SUMMARIES));
        assertThat(live).isEqualTo(head);
    }

    @Test
    void events_written_during_the_rebuild_are_in_the_new_model_once() throws SQLException {
        AtomicBoolean written = new AtomicBoolean();

        RebuildJob job = rebuild.start(summaries());
        RebuildJob done = rebuild.run(job.id(), BATCH, progress -> {
            if (written.compareAndSet(false, true)) {
                writeOrders(5, 2); // after the cursor was opened: caught up page by page, then under the lock
                catchUpLive();
            }
        });

        assertThat(done.state()).isEqualTo(RebuildJob.State.DONE);
        assertThat(done.eventsDone()).isEqualTo(150 + 15);
        assertThat(count("SELECT count(*) FROM order_summaries")).isEqualTo(35);
        assertThat(count("SELECT sum(item_count) FROM order_summaries")).isEqualTo(30 * 4 + 5 * 2);
        assertThat(count("SELECT count(*) FROM order_summaries WHERE customer_name = 'drifted'")).isZero();
    }

    @Test
    void a_second_rebuild_of_the_projector_is_refused_while_one_runs() {
        RebuildJob running = rebuild.start(summaries());

        assertThatThrownBy(() -> rebuild.start(summaries()))
                .isInstanceOfSatisfying(RebuildRunning.class, refused -> assertThat(refused.running().id()).isEqualTo(running.id()));
    }

    @Test
    void a_cancelled_rebuild_drops_the_new_model_and_keeps_the_live_one() throws SQLException {
        String liveBefore = dump();
        RebuildJob job = rebuild.start(summaries());

        RebuildJob cancelled = rebuild.run(job.id(), BATCH, progress -> rebuild.cancel(job.id()));

        assertThat(cancelled.state()).isEqualTo(RebuildJob.State.CANCELLED);
        assertThat(cancelled.eventsDone()).isEqualTo(BATCH);
        assertThat(dump()).isEqualTo(liveBefore);
        assertThat(count("SELECT count(*) FROM pg_tables WHERE schemaname = '" + db.schema() + "_shadow'")).isZero();
        assertThat(rebuild.cancel(job.id())).isFalse();
    }

    @Test
    void a_rebuild_that_fails_on_an_event_keeps_the_live_model_and_names_the_event() throws SQLException {
        // an item added to an order whose creation the log does not hold: the projector cannot apply it
        UUID orphan = UUID.randomUUID();
        execute("INSERT INTO events (position, event_id, tenant_id, stream_id, stream_type, stream_version, event_type, schema_version,"
                + " payload, metadata, recorded_at) SELECT nextval('events_position_seq') + 100, gen_random_uuid(), tenant_id, '" + orphan + "', stream_type, 1,"
                + " event_type, schema_version, payload, metadata, recorded_at FROM events WHERE event_type = 'ItemAdded' LIMIT 1");
        String liveBefore = dump();

        RebuildJob job = rebuild.start(summaries());
        RebuildJob failed = rebuild.run(job.id(), BATCH, progress -> { });

        assertThat(failed.state()).isEqualTo(RebuildJob.State.FAILED);
        assertThat(failed.error()).contains("ItemAdded").contains(orphan.toString());
        assertThat(dump()).isEqualTo(liveBefore);
        assertThat(count("SELECT count(*) FROM pg_tables WHERE schemaname = '" + db.schema() + "_shadow'")).isZero();
    }

    @Test
    void an_interrupted_rebuild_resumes_after_its_last_committed_batch() throws SQLException {
        RebuildJob job = rebuild.start(summaries());
        // a first runner commits two batches, then its server dies
        LogCursors cursors = new JdbcLogCursors(db.dataSource(), new EventSerializer());
        try (LogCursors.Cursor cursor = cursors.open(Checkpoint.START)) {
            for (int batch = 0; batch < 2; batch++) {
                List<RecordedEvent> events = cursor.next(BATCH);
                db.inTransaction(em -> TestRebuilds.steps(em).apply(projector(em, SUMMARIES), job.id(), events));
            }
            cursor.next(BATCH); // read, never applied
        }
        assertThat(rebuild.running()).extracting(RebuildJob::id).containsExactly(job.id());
        AtomicInteger batches = new AtomicInteger();

        RebuildJob resumed = rebuild.run(job.id(), BATCH, progress -> batches.incrementAndGet());

        assertThat(resumed.state()).isEqualTo(RebuildJob.State.DONE);
        assertThat(resumed.eventsDone()).isEqualTo(150);
        assertThat(batches.get()).isEqualTo((150 - 2 * BATCH + BATCH - 1) / BATCH + 1); // the rest, then the swap
        assertThat(count("SELECT count(*) FROM order_summaries WHERE customer_name = 'drifted'")).isZero();
        assertThat(count("SELECT sum(item_count) FROM order_summaries")).isEqualTo(30 * 4);
    }

    private Projector summaries() {
        return db.inTransaction(em -> projector(em, SUMMARIES));
    }

    private static Projector projector(EntityManager em, String name) {
        return new OrderSummaryProjector(em);
    }

    private static JpaEventStore store(EntityManager em) {
        return new JpaEventStore(em, Clock.systemUTC(), new EventSerializer());
    }

    private void writeOrders(int orders, int itemsEach) {
        for (int o = 0; o < orders; o++) {
            UUID id = UUID.randomUUID();
            db.run(em -> {
                Orders repository = new Orders(store(em), new JpaSnapshotStore(em, Clock.systemUTC()), SnapshotPolicy.NEVER);
                repository.create(CONTEXT, id, Order.create(new OrderId(id), "customer " + id, "c", null));
                for (int i = 0; i < itemsEach; i++) {
                    var order = repository.load(CONTEXT, id);
                    repository.append(CONTEXT, order, order.aggregate().addItem(new LineId(UUID.randomUUID()), "item", null, 1, 100));
                }
            });
        }
    }

    private void catchUpLive() {
        while (db.inTransaction(em -> new LiveBatches(store(em), new JpaProjectionCheckpoints(em), new JpaProjectionErrors(em),
                RetrySchedule.DEFAULT, Clock.systemUTC()).runBatch(new OrderSummaryProjector(em), 50).eventsRead()) > 0) {
            // until the head
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private List<String> rows(String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT t::text FROM " + table + " t ORDER BY tenant_id, order_id")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private long count(String sql) {
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> indexes(String table) throws SQLException {
        TreeSet<String> names = new TreeSet<>();
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT indexname || ' ' || regexp_replace(indexdef, '^.* USING ', '') FROM pg_indexes"
                     + " WHERE schemaname = '" + db.schema() + "' AND tablename = '" + table + "'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return List.copyOf(names);
    }

    private String dump() throws SQLException {
        return db.dump("order_summaries");
    }
}
