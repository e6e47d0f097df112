package org.orderflow.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orderflow.it.support.Api;
import org.orderflow.it.support.Api.Reply;
import org.orderflow.it.support.Deployments;

/** Every operator action on the deployed service lands in the audit trail: who, what, parameters, outcome. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperatorAuditIT {

    private final String actor = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
    private final Api ops = Api.client().asUser(actor).asTenant("audited");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.orderflowWar();
    }

    @Test
    void operator_actions_are_recorded_with_who_what_parameters_and_outcome_and_reads_are_not() {
        Reply skip = ops.post("/ops/projection-errors/999999999/skip", "{\"skip\":{\"reason\":\"not there\"}}");
        Reply delete = ops.delete("/ops/snapshots/Invoice");
        Reply retry = ops.post("/ops/projection-errors/retry-dead?projector=order-summary");
        ops.get("/ops/projections");

        Reply trail = ops.get("/ops/audit?actor=" + actor);

        assertThat(skip.status()).isEqualTo(404);
        assertThat(delete.status()).isEqualTo(404);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(trail.status()).isEqualTo(200);
        JsonNode entries = trail.json().path("entries");
        assertThat(entries).hasSize(3);
        JsonNode retried = entries.get(0);
        assertThat(retried.path("action").asText()).isEqualTo("retryDeadProjectionErrors");
        assertThat(retried.path("outcome").asText()).isEqualTo("succeeded");
        assertThat(retried.path("status").asInt()).isEqualTo(200);
        assertThat(retried.path("parameters").path("query.projector").asText()).isEqualTo("order-summary");
        assertThat(retried.path("tenant_id").asText()).isEqualTo("audited");
        assertThat(retried.path("method").asText()).isEqualTo("POST");
        JsonNode deleted = entries.get(1);
        assertThat(deleted.path("action").asText()).isEqualTo("deleteSnapshots");
        assertThat(deleted.path("outcome").asText()).isEqualTo("refused");
        assertThat(deleted.path("parameters").path("streamType").asText()).isEqualTo("Invoice");
        assertThat(deleted.path("detail").asText()).contains("Invoice");
        JsonNode skipped = entries.get(2);
        assertThat(skipped.path("action").asText()).isEqualTo("skipProjectionError");
        assertThat(skipped.path("path").asText()).isEqualTo("/ops/projection-errors/999999999/skip");
        assertThat(skipped.path("parameters").path("id").asText()).isEqualTo("999999999");
        assertThat(skipped.path("parameters").path("body").asText()).contains("not there");
        assertThat(skipped.path("actor").asText()).isEqualTo(actor);
        assertThat(skipped.path("at").asText()).isNotBlank();
    }

    @Test
    void the_trail_filters_by_outcome_and_action_and_refuses_a_bad_filter() {
        ops.delete("/ops/snapshots/Invoice");
        ops.post("/ops/projection-errors/retry-dead?projector=order-summary");

        assertThat(ops.get("/ops/audit?actor=" + actor + "&outcome=refused").json().path("entries")).hasSize(1);
        assertThat(ops.get("/ops/audit?actor=" + actor + "&action=retryDeadProjectionErrors&size=1").json().path("entries"))
                .hasSize(1);
        assertThat(ops.get("/ops/audit?actor=" + actor + "&since=2999-01-01T00:00:00Z").json().path("entries")).isEmpty();
        Reply bad = ops.get("/ops/audit?since=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
    }
}
