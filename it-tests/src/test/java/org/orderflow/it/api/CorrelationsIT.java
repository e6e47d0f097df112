package org.orderflow.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
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

/**
 * Following a correlation id across streams ({@code GET /ops/correlations/{id}}): in log order,
 * paged, within the operator's tenant (every tenant for a platform operator), and an operator
 * reads the streams it leads to.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CorrelationsIT {

    private final String acme = "acme-" + UUID.randomUUID().toString().substring(0, 8);
    private final String globex = "globex-" + UUID.randomUUID().toString().substring(0, 8);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.orderflowWar();
    }

    @Test
    void a_correlation_id_leads_to_every_event_of_the_request_in_log_order_within_the_operators_tenant() {
        // given one correlation id on commands in two streams of one tenant and in a stream of another
        String correlation = "corr-it-" + UUID.randomUUID();
        Api acmeClient = Api.client().asTenant(acme).with("X-Correlation-ID", correlation);
        String first = acmeClient.post("/orders", "{\"order\":{\"customer_name\":\"A\"}}").text("order_id");
        acmeClient.post("/orders/" + first + "/add_item",
                "{\"order_item\":{\"product_name\":\"p\",\"quantity\":1,\"unit_price_cents\":5}}");
        String second = acmeClient.post("/orders", "{\"order\":{\"customer_name\":\"B\"}}").text("order_id");
        String foreign = Api.client().asTenant(globex).with("X-Correlation-ID", correlation)
                .post("/orders", "{\"order\":{\"customer_name\":\"G\"}}").text("order_id");

        // when operators follow it
        Api acmeOperator = Api.client().asTenant(acme).withRoles("operator");
        Reply own = acmeOperator.get("/ops/correlations/" + correlation);
        Reply all = Api.client().asTenant(acme).withRoles("platform-operator").get("/ops/correlations/" + correlation);

        // then the tenant's operator sees its tenant's events, in log order, with envelope and stream
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(streamsOf(own.json())).containsExactly(first, first, second);
        JsonNode event = own.json().path("events").get(1);
        assertThat(event.path("event_type").asText()).isEqualTo("ItemAdded");
        assertThat(event.path("stream_type").asText()).isEqualTo("Order");
        assertThat(event.path("stream_version").asLong()).isEqualTo(2);
        assertThat(event.path("metadata").path("correlation_id").asText()).isEqualTo(correlation);
        assertThat(event.path("tenant_id").asText()).isEqualTo(acme);
        // and the platform operator every tenant's
        assertThat(streamsOf(all.json())).containsExactly(first, first, second, foreign);

        // paged by position
        Reply page = acmeOperator.get("/ops/correlations/" + correlation + "?limit=2");
        long next = page.json().path("next_after_position").asLong();
        Reply rest = acmeOperator.get("/ops/correlations/" + correlation + "?limit=2&after_position=" + next);
        assertThat(streamsOf(page.json())).containsExactly(first, first);
        assertThat(streamsOf(rest.json())).containsExactly(second);
        assertThat(rest.json().path("next_after_position").isNumber()).as("no next page").isFalse();

        // the operator reads the stream it leads to, and its past state
        Reply history = acmeOperator.get("/orders/" + first + "/history");
        Reply past = acmeOperator.get("/orders/" + first + "?at_version=1");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().path("events")).hasSize(2);
        assertThat(past.json().path("item_count").asInt()).isZero();
        assertThat(acmeOperator.get("/orders/" + foreign).status()).as("another tenant's order").isEqualTo(404);
    }

    @Test
    void an_unknown_correlation_id_is_an_empty_page_and_a_malformed_one_a_problem() {
        Api operator = Api.client().withRoles("operator");

        Reply unknown = operator.get("/ops/correlations/no-such-request-" + UUID.randomUUID());
        Reply malformed = operator.get("/ops/correlations/" + "x".repeat(129));
        Reply badLimit = operator.get("/ops/correlations/abc?limit=0");

        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.json().path("events")).isEmpty();
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(badLimit.status()).isEqualTo(400);
    }

    private static List<String> streamsOf(JsonNode page) {
        List<String> streams = new ArrayList<>();
        page.path("events").forEach(e -> streams.add(e.path("stream_id").asText()));
        return streams;
    }
}
