package org.orderflow.persistence.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderflow.application.command.CommandContext;
import org.orderflow.application.eventstore.StreamId;
import org.orderflow.application.order.Orders;
import org.orderflow.application.snapshot.SnapshotStore;
import org.orderflow.domain.order.LineId;
import org.orderflow.domain.order.Order;
import org.orderflow.domain.order.OrderId;
import org.orderflow.domain.order.OrderSnapshot;
import org.orderflow.persistence.eventstore.EventSerializer;
import org.orderflow.persistence.eventstore.JpaEventStore;
import org.orderflow.persistence.support.TestDatabase;

/** Snapshots with the real repository, event store and snapshot table: a cache that is never wrong. */
class SnapshotsTest {

    private static final int EVERY = 10;
    private static TestDatabase db;
    private final CommandContext context = CommandContext.of("snapshots-test");

    @BeforeAll
    static void migrate() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static JpaSnapshotStore snapshotStore(EntityManager em) {
        return new JpaSnapshotStore(em, Clock.systemUTC());
    }

    private static Orders orders(EntityManager em, SnapshotStore snapshots) {
        return new Orders(new JpaEventStore(em, Clock.systemUTC(), new EventSerializer()), snapshots,
                type -> EVERY);
    }

    /** Creates an order and adds {@code items} items, one command (transaction) each. */
    private UUID orderWithItems(int items) {
        UUID id = UUID.randomUUID();
        db.inTransaction(em -> orders(em, snapshotStore(em)).create(context, id,
                Order.create(new OrderId(id), "snap", null, null)));
        for (int i = 0; i < items; i++) {
            int n = i;
            db.inTransaction(em -> {
                Orders orders = orders(em, snapshotStore(em));
                var loaded = orders.load(context, id);
                return orders.append(context, loaded, loaded.aggregate().addItem(new LineId(UUID.randomUUID()),
                        "item " + n, null, 1 + n % 3, 100L * n));
            });
        }
        return id;
    }

    private static long snapshotVersion(UUID id) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT stream_version FROM snapshots WHERE stream_id = '" + id + "'")) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private static OrderSnapshot current(UUID id, JpaSnapshotStore store) {
        return db.inTransaction(em -> orders(em, store).find("default", id).orElseThrow().aggregate().snapshot());
    }

    private static OrderSnapshot replayed(UUID id) {
        return db.inTransaction(em -> orders(em, snapshotStore(em)).replayFully("default", id).orElseThrow()
                .aggregate().snapshot());
    }

    @Test
    void a_snapshot_is_taken_each_time_a_command_crosses_the_interval_and_snapshot_plus_tail_equals_full_replay()
            throws SQLException {
        UUID id = orderWithItems(24); // versions 1..25

        assertThat(snapshotVersion(id)).isEqualTo(20);
        long loadedVersion = db.inTransaction(em -> orders(em, snapshotStore(em)).find("default", id).orElseThrow().version());
        OrderSnapshot fromSnapshot = db.inTransaction(em -> current(id, snapshotStore(em)));
        assertThat(loadedVersion).isEqualTo(25);
        assertThat(fromSnapshot).isEqualTo(replayed(id));
    }

    @Test
    void loading_really_starts_from_the_snapshot() throws SQLException {
        UUID id = orderWithItems(10);
        // Tamper with the cache only: a load that uses it shows the tampered name, a replay does not.
        sql("UPDATE snapshots SET payload = jsonb_set(payload, '{customerName}', '\"cached\"') WHERE stream_id = '" + id + "'");

        OrderSnapshot loaded = db.inTransaction(em -> current(id, snapshotStore(em)));

        assertThat(loaded.customerName()).isEqualTo("cached");
        assertThat(replayed(id).customerName()).isEqualTo("snap");
    }

    @Test
    void a_snapshot_in_another_schema_version_is_ignored_counted_and_the_stream_replayed() throws SQLException {
        UUID id = orderWithItems(12);
        sql("UPDATE snapshots SET schema_version = 0 WHERE stream_id = '" + id + "'");

        OrderSnapshot loaded = db.inTransaction(em -> current(id, snapshotStore(em)));

        assertThat(loaded).isEqualTo(replayed(id));
        EntityManager em = db.emf().createEntityManager();
        try {
            JpaSnapshotStore counting = snapshotStore(em);
            assertThat(counting.load(StreamId.of("Order", id.toString()), OrderSnapshot.class,
                    OrderSnapshot.SCHEMA_VERSION)).isEmpty();
            assertThat(counting.stats()).filteredOn(s -> s.streamType().equals("Order"))
                    .singleElement().satisfies(stats -> assertThat(stats.ignoredStale()).isEqualTo(1));
        } finally {
            em.close();
        }
    }

    @Test
    void an_unreadable_snapshot_is_ignored_and_the_stream_replayed() throws SQLException {
        UUID id = orderWithItems(11);
        sql("UPDATE snapshots SET payload = '{\"not\":\"an order\"}' WHERE stream_id = '" + id + "'");

        OrderSnapshot loaded = db.inTransaction(em -> current(id, snapshotStore(em)));
        assertThat(loaded).isEqualTo(replayed(id));
    }

    @Test
    void a_snapshot_missing_a_field_of_its_form_is_ignored_not_read_as_null() throws SQLException {
        UUID id = orderWithItems(10);
        sql("UPDATE snapshots SET payload = payload - 'status' WHERE stream_id = '" + id + "'");

        OrderSnapshot loaded = db.inTransaction(em -> current(id, snapshotStore(em)));

        assertThat(loaded.status()).isNotNull();
        assertThat(loaded).isEqualTo(replayed(id));
    }

    @Test
    void the_next_crossing_replaces_a_stale_snapshot_and_an_older_one_never_replaces_a_newer_one() throws SQLException {
        UUID id = orderWithItems(10); // snapshot at 10
        StreamId stream = StreamId.of("Order", id.toString());
        OrderSnapshot atTen = db.inTransaction(em -> current(id, snapshotStore(em)));

        db.run(em -> snapshotStore(em).save(stream, OrderSnapshot.SCHEMA_VERSION,
                new SnapshotStore.Snapshot<>(atTen, 5, 5)));

        assertThat(snapshotVersion(id)).isEqualTo(10);
    }

    @Test
    void deleting_the_snapshots_of_a_type_forces_replay_and_keeps_state() throws SQLException {
        UUID id = orderWithItems(10);

        int deleted = db.inTransaction(em -> snapshotStore(em).deleteAll("Order"));

        assertThat(deleted).isPositive();
        assertThat(snapshotVersion(id)).isEqualTo(-1);
        OrderSnapshot loaded = db.inTransaction(em -> current(id, snapshotStore(em)));
        assertThat(loaded).isEqualTo(replayed(id));
    }
}
