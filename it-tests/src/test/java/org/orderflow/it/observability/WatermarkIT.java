package org.orderflow.it.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orderflow.it.support.Api;
import org.orderflow.it.support.Deployments;
import org.orderflow.it.support.Eventually;
import org.orderflow.it.support.Metrics;

/**
 * The gap-safe reader's weak point, shown to an operator: a transaction left open in the
 * service's database holds every later commit back from the projectors; {@code /api/ops/watermark}
 * names the session (pid, application, state) and counts what it holds back, and the projections
 * go on once it ends.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WatermarkIT {

    private final Api ops = Api.client().withoutReadYourWrites();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.orderflowWar();
    }

    @Test
    void an_open_transaction_is_named_with_what_it_holds_back_and_the_projections_resume_when_it_ends() throws Exception {
        String order;
        try (Connection session = DriverManager.getConnection(
                System.getProperty("it.db.url", "jdbc:postgresql://127.0.0.1:5432/orderflow_it"),
                System.getProperty("it.db.user", "postgres"), System.getProperty("it.db.password", ""))) {
            // given a session that opened a transaction, took an id and went idle
            int pid;
            try (Statement s = session.createStatement()) {
                s.execute("SET application_name = 'watermark-it-forgotten-session'");
                session.setAutoCommit(false);
                try (ResultSet rs = s.executeQuery("SELECT pg_backend_pid(), pg_current_xact_id()")) {
                    rs.next();
                    pid = rs.getInt(1);
                }
            }

            // when a command commits after it
            order = ops.post("/orders", "{\"order\":{\"customer_name\":\"held back\"}}").text("order_id");

            // then the operator sees the session and what it holds back, and so do the metrics
            JsonNode watermark = ops.get("/ops/watermark").json();
            assertThat(watermark.path("unreadable_events").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(watermark.path("oldest_unreadable_recorded_at").asText()).isNotBlank();
            JsonNode holder = watermark.path("held_back_by");
            assertThat(holder.path("pid").asInt()).isEqualTo(pid);
            assertThat(holder.path("application_name").asText()).isEqualTo("watermark-it-forgotten-session");
            assertThat(holder.path("state").asText()).isEqualTo("idle in transaction");
            assertThat(holder.path("transaction_age_seconds").asDouble()).isNotNegative();
            assertThat(Metrics.body("scope=application")).containsPattern("(?m)^orderflow_log_unreadable_events\\{[^}]*} [1-9]");
            assertThat(ops.get("/orders/" + order).status()).as("the order's details are not projected yet").isEqualTo(404);

            session.rollback();
        }

        // and once it ended, nothing is held back by it and the order is projected
        Eventually.await(() -> ops.get("/orders/" + order).status(), status -> status == 200, Duration.ofSeconds(20),
                "the order projected once the session ended");
        JsonNode after = ops.get("/ops/watermark").json();
        assertThat(after.path("held_back_by").path("application_name").asText())
                .isNotEqualTo("watermark-it-forgotten-session");
    }

    @Test
    void a_tenants_operator_may_not_see_the_clusters_sessions() {
        Api tenantOperator = Api.client().asTenant("wm" + UUID.randomUUID().toString().substring(0, 8))
                .withRoles("operator");

        assertThat(tenantOperator.get("/ops/watermark").status()).isEqualTo(403);
    }
}
