package org.orderflow.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderflow.application.audit.AuditTrail;
import org.orderflow.application.audit.OperatorAction;
import org.orderflow.application.audit.OperatorAction.Outcome;
import org.orderflow.application.eventstore.EventMetadata;
import org.orderflow.application.eventstore.ExpectedVersion;
import org.orderflow.application.eventstore.NewEvent;
import org.orderflow.application.eventstore.StreamId;
import org.orderflow.domain.order.OrderCreated;
import org.orderflow.persistence.eventstore.EventSerializer;
import org.orderflow.persistence.eventstore.JpaEventStore;
import org.orderflow.persistence.support.TestDatabase;

/** The audit trail and the log against real PostgreSQL: recorded, filtered, paged — and append-only in the database. */
class AuditTrailTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static TestDatabase db;

    @BeforeAll
    static void given_three_recorded_actions() {
        db = TestDatabase.create();
        record(T0, "ops-ana", "t1", "rebuildProjection", Map.of("name", "order-details"), 202);
        record(T0.plusSeconds(60), "ops-ana", "t1", "skipProjectionError", Map.of("id", "7", "body", "{\"reason\":\"x\"}"), 404);
        record(T0.plusSeconds(120), "ops-bo", "t2", "purgeDeadLetters", Map.of(), 500);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void recorded_actions_come_back_newest_first_with_their_parameters_and_outcome() {
        List<OperatorAction> all = find(new AuditTrail.Query(null, null, null, null, null, null, 0, 10));

        assertThat(all).extracting(OperatorAction::action)
                .containsExactly("purgeDeadLetters", "skipProjectionError", "rebuildProjection");
        assertThat(all).extracting(OperatorAction::outcome).containsExactly(Outcome.FAILED, Outcome.REFUSED, Outcome.SUCCEEDED);
        assertThat(all.get(1).parameters()).containsEntry("id", "7").containsEntry("body", "{\"reason\":\"x\"}");
        assertThat(all.get(1).at()).isEqualTo(T0.plusSeconds(60));
        assertThat(all.get(0).id()).isGreaterThan(all.get(1).id());
    }

    @Test
    void filters_and_pages_narrow_the_trail() {
        assertThat(find(new AuditTrail.Query("ops-ana", null, null, null, null, null, 0, 10))).hasSize(2);
        assertThat(find(new AuditTrail.Query(null, "t2", null, null, null, null, 0, 10))).extracting(OperatorAction::actor)
                .containsExactly("ops-bo");
        assertThat(find(new AuditTrail.Query(null, null, "rebuildProjection", Outcome.SUCCEEDED, null, null, 0, 10))).hasSize(1);
        assertThat(find(new AuditTrail.Query(null, null, null, Outcome.REFUSED, null, null, 0, 10))).hasSize(1);
        assertThat(find(new AuditTrail.Query(null, null, null, null, T0.plusSeconds(60), T0.plusSeconds(120), 0, 10)))
                .extracting(OperatorAction::action).containsExactly("skipProjectionError");
        assertThat(find(new AuditTrail.Query(null, null, null, null, null, null, 1, 2))).extracting(OperatorAction::action)
                .containsExactly("rebuildProjection");
    }

    @Test
    void the_database_refuses_to_change_or_delete_the_audit_trail() {
        assertRefused("UPDATE operator_audit SET actor = 'someone else'", "operator_audit is append-only: UPDATE refused");
        assertRefused("DELETE FROM operator_audit", "operator_audit is append-only: DELETE refused");
        assertRefused("TRUNCATE operator_audit", "operator_audit is append-only: TRUNCATE refused");
        assertThat(find(new AuditTrail.Query(null, null, null, null, null, null, 0, 10))).hasSize(3);
    }

    @Test
    void the_database_refuses_to_change_or_delete_events() {
        String stream = UUID.randomUUID().toString();
        db.run(em -> new JpaEventStore(em, Clock.systemUTC(), new EventSerializer()).append(StreamId.of("Order", stream),
                ExpectedVersion.noStream(), List.of(new NewEvent(UUID.randomUUID(),
                        new OrderCreated(UUID.fromString(stream), "audit", null, null), EventMetadata.EMPTY))));

        assertRefused("UPDATE events SET payload = '{}' WHERE stream_id = '" + stream + "'", "events is append-only: UPDATE refused");
        assertRefused("DELETE FROM events WHERE stream_id = '" + stream + "'", "events is append-only: DELETE refused");
        assertRefused("TRUNCATE events", "events is append-only: TRUNCATE refused");
        long stored = db.inTransaction(em -> ((Number) em.createNativeQuery("SELECT count(*) FROM events WHERE stream_id = ?1")
                .setParameter(1, stream).getSingleResult()).longValue());
        assertThat(stored).isEqualTo(1);
    }

    private static void record(Instant at, String actor, String tenant, String action, Map<String, String> parameters, int status) {
        db.run(em -> new JpaAuditTrail(em).record(new OperatorAction(0, at, actor, tenant, action, "POST", "/ops/x", parameters,
                Outcome.of(status), status, status >= 400 ? "why" : null)));
    }

    private static List<OperatorAction> find(AuditTrail.Query query) {
        return db.inTransaction(em -> new JpaAuditTrail(em).find(query));
    }

    private static void assertRefused(String sql, String message) {
        assertThatThrownBy(() -> {
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining(message);
    }
}
