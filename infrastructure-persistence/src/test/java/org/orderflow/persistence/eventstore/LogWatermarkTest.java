package org.orderflow.persistence.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderflow.application.eventstore.EventMetadata;
import org.orderflow.application.eventstore.ExpectedVersion;
import org.orderflow.application.eventstore.LogWatermark;
import org.orderflow.application.eventstore.NewEvent;
import org.orderflow.application.eventstore.StreamId;
import org.orderflow.domain.order.OrderCreated;
import org.orderflow.persistence.support.TestDatabase;

/** The watermark on real PostgreSQL: an open transaction holds committed events back, and is named. */
class LogWatermarkTest {

    private static TestDatabase db;

    @BeforeAll
    static void database() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void an_open_transaction_holds_later_commits_back_and_is_named_until_it_ends() throws Exception {
        // given a session that opened a transaction and took a transaction id, then went idle
        try (Connection holder = db.connection()) {
            int pid;
            try (Statement s = holder.createStatement()) {
                s.execute("SET application_name = 'forgotten-batch-job'");
                holder.setAutoCommit(false);
                try (ResultSet rs = s.executeQuery("SELECT pg_backend_pid(), pg_current_xact_id()")) {
                    rs.next();
                    pid = rs.getInt(1);
                }
            }

            // when an event commits after it
            append();
            LogWatermark.Snapshot held = read();

            // then the event is committed but not readable, and the session is named as the holder
            assertThat(held.unreadableEvents()).isGreaterThanOrEqualTo(1);
            assertThat(held.oldestUnreadableAt()).isPresent();
            assertThat(held.headPosition()).isPositive();
            assertThat(held.holder()).hasValueSatisfying(h -> {
                assertThat(h.pid()).isEqualTo(pid);
                assertThat(h.applicationName()).isEqualTo("forgotten-batch-job");
                assertThat(h.state()).isEqualTo("idle in transaction");
                assertThat(h.transactionAge()).isGreaterThanOrEqualTo(java.time.Duration.ZERO);
            });

            // and once the session ends its transaction, nothing is held back by it any more
            holder.rollback();
            LogWatermark.Snapshot released = read();
            assertThat(released.safeTransactionId()).isGreaterThan(held.safeTransactionId());
            assertThat(released.holder().map(LogWatermark.Holder::pid)).isNotEqualTo(java.util.Optional.of(pid));
            assertThat(released.unreadableEvents()).isZero();
        }
    }

    private static LogWatermark.Snapshot read() {
        return db.inTransaction(em -> new PostgresLogWatermark(em, Clock.systemUTC()).read());
    }

    private static void append() {
        UUID order = UUID.randomUUID();
        db.inTransaction(em -> new JpaEventStore(em, Clock.systemUTC(), new EventSerializer()).append(
                StreamId.of("Order", order.toString()), ExpectedVersion.noStream(),
                List.of(new NewEvent(UUID.randomUUID(), new OrderCreated(order, "held", null, null), EventMetadata.EMPTY))));
    }
}
