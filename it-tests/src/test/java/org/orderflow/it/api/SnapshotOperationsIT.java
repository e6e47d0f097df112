package org.orderflow.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orderflow.it.support.Api;
import org.orderflow.it.support.EventsTable;
import org.orderflow.it.support.Api.Reply;
import org.orderflow.it.support.Deployments;
import org.orderflow.it.support.Metrics;

/**
 * Snapshots on the deployed service (the test server snapshots orders every 5 events, set
 * through MicroProfile Config): taken when commands cross the interval, reported, deletable,
 * and never visible in what clients read.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SnapshotOperationsIT {

    private final Api api = Api.client();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.orderflowWar();
    }

    private JsonNode orderStats() {
        for (JsonNode type : api.get("/ops/snapshots").json()) {
            if (type.path("stream_type").asText().equals("Order")) {
                return type;
            }
        }
        throw new AssertionError("no Order entry");
    }

    @Test
    void commands_crossing_the_interval_take_snapshots_that_operators_see_and_can_delete() {
        String id = api.post("/orders", "{\"order\":{\"customer_name\":\"Liskov\"}}").text("order_id");
        long snapshotsBefore = orderStats().path("snapshots").asLong();
        for (int i = 1; i <= 6; i++) {
            assertThat(api.post("/orders/" + id + "/add_item",
                    "{\"order_item\":{\"product_name\":\"p" + i + "\",\"quantity\":" + i + ",\"unit_price_cents\":100}}")
                    .status()).isEqualTo(200);
        }

        JsonNode stats = orderStats();
        assertThat(stats.path("interval").asInt()).isEqualTo(5);
        assertThat(EventsTable.snapshotVersion(id)).as("this order crossed version 5 once").isEqualTo(5L);
        assertThat(stats.path("snapshots").asLong()).as("one more snapshot, this order's").isEqualTo(snapshotsBefore + 1);
        assertThat(stats.path("max_stream_version").asLong()).isGreaterThanOrEqualTo(5);

        Reply order = api.get("/orders/" + id);
        assertThat(order.number("version")).isEqualTo(7);
        assertThat(order.number("item_count")).isEqualTo(21);

        Reply deleted = api.delete("/ops/snapshots/Order");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.number("deleted")).isPositive();
        assertThat(orderStats().path("snapshots").asLong()).isZero();
        assertThat(EventsTable.snapshotVersion(id)).isNull();
        assertThat(api.get("/orders/" + id).number("item_count")).as("replayed without snapshot").isEqualTo(21);
    }

    @Test
    void the_replay_check_reads_every_stored_stream() {
        String id = api.post("/orders", "{\"order\":{\"customer_name\":\"Dijkstra\"}}").text("order_id");
        api.post("/orders/" + id + "/add_item", "{\"order_item\":{\"product_name\":\"x\",\"quantity\":1,\"unit_price_cents\":1}}");

        Reply report = api.post("/ops/replay-check");

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().path("passed").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.number("streams")).as("every stored stream").isEqualTo(EventsTable.streamCount());
        assertThat(report.number("events")).as("every stored event").isEqualTo(EventsTable.eventCount());
        assertThat(report.json().path("failures")).isEmpty();
    }

    @Test
    void ignored_snapshots_are_exposed_as_metrics() {
        String metrics = Metrics.body("scope=application");

        assertThat(metrics).contains("orderflow_snapshots_ignored_stale")
                .contains("orderflow_snapshots_ignored_unreadable");
    }

    @Test
    void deleting_an_unknown_type_is_404() {
        Reply reply = api.delete("/ops/snapshots/Invoice");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.text("detail")).contains("Invoice");
    }
}
