package org.orderflow.persistence.replay;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.application.order.Orders;
import org.orderflow.application.product.Products;
import org.orderflow.application.replay.ReplayCheck;
import org.orderflow.application.snapshot.SnapshotPolicy;
import org.orderflow.persistence.eventstore.EventSerializer;
import org.orderflow.persistence.eventstore.JpaEventStore;
import org.orderflow.persistence.snapshot.JpaSnapshotStore;
import org.orderflow.persistence.support.TestDatabase;

/** The replay check run against a fixture database holding every historical event version. */
class ReplayCheckTest {

    private static void load(TestDatabase db, String resource) throws IOException, SQLException {
        try (InputStream in = ReplayCheckTest.class.getClassLoader().getResourceAsStream(resource);
             Connection connection = db.connection(); Statement statement = connection.createStatement()) {
            statement.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static ReplayCheck check(EntityManager em) {
        EventStore store = new JpaEventStore(em, Clock.systemUTC(), new EventSerializer());
        JpaSnapshotStore snapshots = new JpaSnapshotStore(em, Clock.systemUTC());
        return new ReplayCheck(store, new Orders(store, snapshots, SnapshotPolicy.NEVER),
                new Products(store, snapshots, SnapshotPolicy.NEVER));
    }

    @Test
    void every_historical_event_version_replays_into_its_aggregate() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            load(db, "fixtures/historical-events.sql");
            List<ReplayCheck.Progress> progress = new ArrayList<>();

            ReplayCheck.Report report = db.inTransaction(em -> check(em).run(2, progress::add));

            assertThat(report.failures()).isEmpty();
            assertThat(report.passed()).isTrue();
            assertThat(report.streams()).isEqualTo(4);
            assertThat(report.events()).isEqualTo(13);
            assertThat(progress).extracting(ReplayCheck.Progress::streamsDone).containsExactly(2L, 4L, 4L);
            assertThat(progress).allSatisfy(p -> assertThat(p.streamsTotal()).isEqualTo(4));
        }
    }

    @Test
    void a_stream_that_no_longer_reads_is_reported_and_the_others_still_checked() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            load(db, "fixtures/historical-events.sql");
            try (Connection connection = db.connection(); Statement statement = connection.createStatement()) {
                statement.execute("""
                        INSERT INTO events (position, event_id, tenant_id, stream_id, stream_type, stream_version,
                                            event_type, schema_version, payload, recorded_at)
                        VALUES (nextval('events_position_seq'), 'e0000000-0000-4000-8000-000000000001', 'default',
                                'eeeeeeee-0000-4000-8000-000000000001', 'Order', 1, 'OrderTeleported', 1, '{}', now())""");
            }

            ReplayCheck.Report report = db.inTransaction(em -> check(em).run(0, p -> { }));

            assertThat(report.streams()).isEqualTo(5);
            assertThat(report.failures()).singleElement().satisfies(failure -> {
                assertThat(failure.streamId()).isEqualTo("eeeeeeee-0000-4000-8000-000000000001");
                assertThat(failure.error()).contains("OrderTeleported");
            });
        }
    }
}
