package org.orderflow.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orderflow.it.support.Eventually;
import org.orderflow.it.support.Api;
import org.orderflow.it.support.EventsTable;
import org.orderflow.it.support.Api.Reply;
import org.orderflow.it.support.Deployments;
import org.orderflow.it.support.Rebuilds;

/** The read side on the deployed service: read-your-writes, filters, status with lag, rebuilds. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProjectionsIT {

    private static final String ITEM = "{\"order_item\":{\"product_name\":\"item\",\"quantity\":2,\"unit_price_cents\":150}}";
    private final Api api = Api.client().asTenant("proj" + UUID.randomUUID().toString().substring(0, 8));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.orderflowWar();
    }

    @Test
    void a_query_with_the_commands_position_sees_the_write() {
        Api reader = api.withoutReadYourWrites();
        String id = api.post("/orders", "{\"order\":{\"customer_name\":\"Knuth\"}}").text("order_id");
        long position = api.post("/orders/" + id + "/add_item", ITEM).number("position");

        Reply order = reader.with("X-Min-Position", Long.toString(position)).get("/orders/" + id);

        assertThat(order.status()).isEqualTo(200);
        assertThat(order.number("item_count")).isEqualTo(2);
        assertThat(order.number("total_cents")).isEqualTo(300);
        assertThat(order.number("version")).isEqualTo(2);
    }

    @Test
    void a_position_the_projections_do_not_reach_in_time_is_503_with_retry_after() {
        Reply reply = api.withoutReadYourWrites().with("X-Min-Position", "9000000000000000").get("/orders?size=1");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isEqualTo("1");
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.text("type")).isEqualTo("/problems/not-yet-projected");
    }

    @Test
    void after_a_random_mix_of_commands_the_read_model_equals_a_full_replay() {
        java.util.Random random = new java.util.Random(7);
        java.util.List<String> orders = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            orders.add(api.post("/orders", "{\"order\":{\"customer_name\":\"mix " + i + "\"}}").text("order_id"));
        }
        for (int step = 0; step < 60; step++) {
            String id = orders.get(random.nextInt(orders.size()));
            switch (random.nextInt(6)) {
                case 0, 1, 2 -> api.post("/orders/" + id + "/add_item", "{\"order_item\":{\"product_name\":\"p\",\"quantity\":"
                        + (1 + random.nextInt(3)) + ",\"unit_price_cents\":" + random.nextInt(1000) + "}}");
                case 3 -> api.post("/orders/" + id + "/reserve_inventory", "{\"reservation\":{\"reservation_id\":\"R\"}}");
                case 4 -> api.post("/orders/" + id + "/confirm");
                default -> api.post("/orders/" + id + "/cancel", "{\"cancellation\":{\"reason\":\"mix\"}}");
            }
        }

        for (String id : orders) {
            Reply projected = api.get("/orders/" + id);
            long version = projected.number("version");
            Reply replayed = api.get("/orders/" + id + "?at_version=" + version);
            assertThat(projected.json()).as("order %s at version %d", id, version).isEqualTo(replayed.json());
        }
    }

    @Test
    void a_malformed_min_position_is_400() {
        assertThat(api.withoutReadYourWrites().with("X-Min-Position", "soon").get("/orders").status()).isEqualTo(400);
    }

    @Test
    void the_order_list_filters_by_status_and_customer() {
        String confirmed = api.post("/orders", "{\"order\":{\"customer_name\":\"A\",\"customer_id\":\"c-1\"}}").text("order_id");
        api.post("/orders/" + confirmed + "/add_item", ITEM);
        api.post("/orders/" + confirmed + "/confirm");
        String pending = api.post("/orders", "{\"order\":{\"customer_name\":\"B\",\"customer_id\":\"c-2\"}}").text("order_id");

        assertThat(api.get("/orders?status=CONFIRMED").json().path("orders").findValuesAsText("order_id"))
                .containsExactly(confirmed);
        assertThat(api.get("/orders?customer_id=c-2").json().path("orders").findValuesAsText("order_id"))
                .containsExactly(pending);
        JsonNode summary = api.get("/orders?status=CONFIRMED").json().path("orders").get(0);
        assertThat(summary.path("total_cents").asLong()).isEqualTo(300);
        assertThat(summary.path("item_count").asInt()).isEqualTo(2);
        assertThat(api.get("/orders?status=LOST").status()).isEqualTo(400);
    }

    @Test
    void the_status_lists_every_projector_with_its_checkpoint_and_lag() {
        api.post("/orders", "{\"order\":{\"customer_name\":\"Status\"}}");
        api.get("/orders?size=1"); // waits until the summaries passed the write

        JsonNode states = api.get("/ops/projections").json();

        assertThat(states.findValuesAsText("projector"))
                .containsExactlyInAnyOrder("order-summary", "order-details", "product-catalog", "fulfilment");
        for (JsonNode state : states) {
            assertThat(state.path("position").asLong()).isPositive();
            assertThat(state.path("lag_events").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(state.path("subscribes_to")).isNotEmpty();
        }
    }

    @Test
    void a_full_rebuild_reproduces_the_read_model() {
        String id = api.post("/orders", "{\"order\":{\"customer_name\":\"Rebuild\"}}").text("order_id");
        api.post("/orders/" + id + "/add_item", ITEM);
        String before = api.get("/orders/" + id).response().body();
        String listBefore = api.get("/orders").response().body();

        Reply rebuilt = Rebuilds.run(api, "order-details");
        Reply rebuiltSummaries = Rebuilds.run(api, "order-summary");

        assertThat(rebuilt.number("events_done")).isPositive();
        assertThat(rebuilt.number("percent_done")).isEqualTo(100);
        assertThat(rebuilt.text("finished_at")).isNotNull();
        assertThat(rebuiltSummaries.number("events_done")).isEqualTo(rebuiltSummaries.number("events_total"));
        assertThat(api.get("/ops/projections/order-details/rebuilds").json().get(0).path("job_id").asLong())
                .isEqualTo(rebuilt.number("job_id"));
        assertThat(api.get("/orders/" + id).response().body()).isEqualTo(before);
        assertThat(api.get("/orders").response().body()).isEqualTo(listBefore);
    }

    @Test
    void writes_during_a_rebuild_are_neither_lost_nor_applied_twice() throws Exception {
        java.util.List<String> orders = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            orders.add(api.post("/orders", "{\"order\":{\"customer_name\":\"during " + i + "\"}}").text("order_id"));
        }
        String job = Rebuilds.start(api, "order-details");
        for (int round = 0; round < 5; round++) {
            for (String id : orders) {
                assertThat(api.post("/orders/" + id + "/add_item", ITEM).status()).isEqualTo(200);
            }
        }
        assertThat(Rebuilds.awaitEnd(api, job, Duration.ofMinutes(2)).text("state")).isEqualTo("done");

        for (String id : orders) {
            Reply projected = api.get("/orders/" + id);
            assertThat(projected.number("item_count")).as("order %s", id).isEqualTo(10);
            assertThat(projected.number("version")).isEqualTo(6);
            assertThat(projected.json()).isEqualTo(api.get("/orders/" + id + "?at_version=6").json());
        }
    }

    @Test
    void a_single_stream_rebuild_restores_its_rows() {
        String id = api.post("/orders", "{\"order\":{\"customer_name\":\"One\"}}").text("order_id");
        api.post("/orders/" + id + "/add_item", ITEM);
        String before = api.get("/orders/" + id).response().body();
        assertThat(EventsTable.damageOrderDetails(tenantOf(), id)).isEqualTo(1);
        assertThat(api.get("/orders/" + id).text("customer_name")).as("the damage is served").isEqualTo("damaged");

        Reply rebuilt = api.post("/ops/projections/order-details/rebuild?stream_type=Order&stream_id=" + id
                + "&tenant_id=" + tenantOf());

        assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        assertThat(rebuilt.text("stream_id")).isEqualTo(id);
        assertThat(api.get("/orders/" + id).response().body()).isEqualTo(before);
    }

    @Test
    void a_write_its_read_model_failed_to_apply_is_a_503_problem_not_a_stale_answer() {
        // given the details projector refuses this one order (a database trigger stands in for a bug)
        EventsTable.execute("""
                CREATE OR REPLACE FUNCTION refuse_poisoned_order() RETURNS trigger AS $$
                BEGIN IF NEW.customer_name = 'poisoned read model' THEN RAISE EXCEPTION 'test: refused'; END IF; RETURN NEW; END
                $$ LANGUAGE plpgsql""");
        EventsTable.execute("DROP TRIGGER IF EXISTS refuse_poisoned_order ON order_details");
        EventsTable.execute("CREATE TRIGGER refuse_poisoned_order BEFORE INSERT ON order_details FOR EACH ROW "
                + "EXECUTE FUNCTION refuse_poisoned_order()");
        String id;
        try {
            Reply created = api.withoutReadYourWrites().post("/orders", "{\"order\":{\"customer_name\":\"poisoned read model\"}}");
            id = created.text("order_id");
            long position = created.number("position");

            // when the client reads its write
            Reply read = api.withoutReadYourWrites().with("X-Min-Position", Long.toString(position)).get("/orders/" + id);

            // then it is told the read model failed, with when to come back
            assertThat(read.status()).as(read.toString()).isEqualTo(503);
            assertThat(read.contentType()).startsWith("application/problem+json");
            assertThat(read.text("type")).isEqualTo("/problems/projection-failed");
            assertThat(read.text("projector")).isEqualTo("order-details");
            assertThat(read.header("Retry-After")).isNotNull();
            // and the list, written by another projector, does show it
            assertThat(api.withoutReadYourWrites().with("X-Min-Position", Long.toString(position)).get("/orders").status())
                    .isEqualTo(200);
        } finally {
            EventsTable.execute("DROP TRIGGER IF EXISTS refuse_poisoned_order ON order_details");
        }
        // once the cause is gone the backoff retry applies it, and the read answers
        Reply healed = Eventually.await(() -> api.withoutReadYourWrites().get("/orders/" + id), r -> r.status() == 200,
                Duration.ofSeconds(30), "the retried event applied");
        assertThat(healed.text("customer_name")).isEqualTo("poisoned read model");
    }

    @Test
    void rebuilding_an_unknown_projector_is_404() {
        Reply reply = api.post("/ops/projections/invoices/rebuild");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.text("detail")).contains("invoices");
    }

    @Test
    void the_error_endpoints_answer_for_operators() {
        Reply list = api.get("/ops/projection-errors?status=DEAD");
        Reply unknownRetry = api.post("/ops/projection-errors/999999999/retry");
        Reply notAnId = api.post("/ops/projection-errors/abc/retry");
        assertThat(notAnId.status()).as("a path id that is not a number names nothing").isEqualTo(404);
        assertThat(notAnId.contentType()).startsWith("application/problem+json");
        Reply skipUnknown = api.asUser("operator").post("/ops/projection-errors/999999999/skip",
                "{\"skip\":{\"reason\":\"test\"}}");
        Reply retryDead = api.post("/ops/projection-errors/retry-dead?projector=order-summary");
        Reply retryDeadUnknown = api.post("/ops/projection-errors/retry-dead?projector=invoices");
        Reply badStatus = api.get("/ops/projection-errors?status=LOST");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().isArray()).isTrue();
        assertThat(unknownRetry.status()).isEqualTo(404);
        assertThat(skipUnknown.status()).isEqualTo(404);
        assertThat(retryDead.status()).isEqualTo(200);
        assertThat(retryDead.number("resolved")).isZero();
        assertThat(retryDeadUnknown.status()).isEqualTo(404);
        assertThat(badStatus.status()).isEqualTo(400);
    }

    private String tenantOf() {
        return api.tenant();
    }
}
