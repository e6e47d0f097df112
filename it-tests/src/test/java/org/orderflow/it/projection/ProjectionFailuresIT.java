package org.orderflow.it.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orderflow.it.support.Api;
import org.orderflow.it.support.Api.Reply;
import org.orderflow.it.support.Deployments;

/**
 * A deliberately failing projector deployed with the real WAR (the test server retries after
 * 1 s each time instead of 1 min … 6 h): the failure is recorded, the stream's later events are
 * parked while other streams and other projectors flow, five failed retries make a dead letter,
 * and a manual retry after the cause is fixed releases everything in order.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProjectionFailuresIT {

    private static final String ITEM = "{\"order_item\":{\"product_name\":\"item\",\"quantity\":1,\"unit_price_cents\":10}}";
    private final Api api = Api.client();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.orderflowWar().addClass(PoisonProjector.class);
    }

    @BeforeEach
    void startTheTestProjectorAtTheHeadOfTheLog() throws SQLException {
        PoisonLog.startTheProjectorAtTheHead();
    }

    private static List<Long> applied(String stream) throws SQLException {
        return PoisonLog.applied(stream);
    }

    private JsonNode error(String stream) {
        for (JsonNode failure : api.get("/ops/projection-errors?projector=it-poison").json()) {
            if (failure.path("stream_id").asText().equals(stream)) {
                return failure;
            }
        }
        return null;
    }

    private JsonNode awaitError(String stream, Predicate<JsonNode> condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode failure = error(stream);
            if (failure != null && condition.test(failure)) {
                return failure;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("projection error of " + stream + " did not reach the expected state: " + error(stream));
    }

    private List<Long> awaitApplied(String stream, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<Long> versions = applied(stream);
        while (versions.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            versions = applied(stream);
        }
        if (versions.size() < count) {
            throw new AssertionError(count + " events of " + stream + " were not applied within 20 s; applied " + versions);
        }
        return versions;
    }

    @Test
    void a_poisoned_stream_is_parked_retried_on_schedule_dead_lettered_and_released_in_order_after_a_manual_retry()
            throws Exception {
        Reply createdHealthy = api.post("/orders", "{\"order\":{\"customer_name\":\"healthy\"}}");
        Reply createdPoisoned = api.post("/orders", "{\"order\":{\"customer_name\":\"POISON-" + UUID.randomUUID() + "\"}}");
        assertThat(createdHealthy.status()).as(createdHealthy.toString()).isEqualTo(201);
        assertThat(createdPoisoned.status()).as(createdPoisoned.toString()).isEqualTo(201);
        String healthy = createdHealthy.text("order_id");
        String poisoned = createdPoisoned.text("order_id");
        api.post("/orders/" + poisoned + "/add_item", ITEM);
        api.post("/orders/" + poisoned + "/add_item", ITEM);
        api.post("/orders/" + healthy + "/add_item", ITEM);

        // the failure is recorded with its later events parked, and retried on the schedule
        JsonNode recorded = awaitError(poisoned, f -> f.path("parked_events").asInt() == 2, Duration.ofSeconds(20));
        assertThat(recorded.path("event_type").asText()).isEqualTo("OrderCreated");
        assertThat(recorded.path("stream_version").asLong()).isEqualTo(1);
        assertThat(recorded.path("error").asText()).contains("poisoned order");
        assertThat(recorded.path("stack_summary").asText()).contains("IllegalStateException");

        // other streams of the same projector, and other projectors, flow meanwhile
        assertThat(awaitApplied(healthy, 2)).containsExactly(1L, 2L);
        Reply order = api.get("/orders/" + poisoned);
        assertThat(order.status()).isEqualTo(200);
        assertThat(order.number("item_count")).isEqualTo(2);

        // five failed retries (1 s apart on the test server) make a dead letter
        JsonNode dead = awaitError(poisoned, f -> f.path("status").asText().equals("DEAD"), Duration.ofSeconds(40));
        assertThat(dead.path("retry_count").asInt()).isEqualTo(5);
        assertThat(dead.path("next_retry_at").isNull() || dead.path("next_retry_at").isMissingNode()).isTrue();
        Duration lifetime = Duration.between(Instant.parse(dead.path("created_at").asText()), Instant.now());
        assertThat(lifetime).as("retries waited for their backoff").isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(applied(poisoned)).isEmpty();

        // a tenant's operator sees and handles its own tenant's failures only; another tenant's are 404
        Api ownOperator = Api.client().asUser("own-operator").withRoles("operator");
        Api otherOperator = Api.client().asTenant("elsewhere").asUser("other-operator").withRoles("operator");
        assertThat(ownOperator.get("/ops/projection-errors?projector=it-poison").json().findValuesAsText("stream_id"))
                .contains(poisoned);
        assertThat(otherOperator.get("/ops/projection-errors?projector=it-poison").json().findValuesAsText("stream_id"))
                .doesNotContain(poisoned);
        assertThat(otherOperator.post("/ops/projection-errors/" + dead.path("id").asLong() + "/retry").status()).isEqualTo(404);
        assertThat(otherOperator.post("/ops/projection-errors/" + dead.path("id").asLong() + "/skip",
                "{\"skip\":{\"reason\":\"not mine\"}}").status()).isEqualTo(404);
        assertThat(error(poisoned).path("status").asText()).as("untouched by the other tenant").isEqualTo("DEAD");

        // the cause is fixed; a manual retry applies it and releases the parked events in order
        PoisonLog.cure(poisoned);
        Reply retried = api.post("/ops/projection-errors/" + dead.path("id").asLong() + "/retry");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.text("outcome")).isEqualTo("RESOLVED");
        assertThat(applied(poisoned)).containsExactly(1L, 2L, 3L);
        assertThat(error(poisoned).path("status").asText()).isEqualTo("RESOLVED");
        assertThat(error(poisoned).path("parked_events").asInt()).isZero();

        // and the stream flows again
        api.post("/orders/" + poisoned + "/add_item", ITEM);
        assertThat(awaitApplied(poisoned, 4)).containsExactly(1L, 2L, 3L, 4L);
    }
}
