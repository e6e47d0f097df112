package org.orderflow.it.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderflow.it.support.Api;
import org.orderflow.it.support.Api.Reply;
import org.orderflow.it.support.Eventually;
import org.orderflow.it.support.OwnServer;
import org.orderflow.it.support.Rebuilds;

/**
 * Blue/green rebuilds on a server of the test's own (the Arquillian server's publisher is spared
 * 50,000 extra events): a log of 50,000 events — 5,000 orders of a creation and nine items, for
 * 50 customers — is rebuilt while clients keep querying, and no answer is ever missing an order
 * or an item; a second rebuild is refused while one runs; a cancelled one leaves the live model.
 */
class BlueGreenRebuildIT {

    private static final String TENANT = "bluegreen";
    private static final int ORDERS = 5_000;
    private static final int CUSTOMERS = 50;
    private static final int ITEMS = 9;

    private static OwnServer server;
    private static Api api;
    private static final List<String> SAMPLE = new ArrayList<>();

    @BeforeAll
    static void given_a_server_with_50k_events_in_its_log_and_read_models() throws Exception {
        server = OwnServer.create("orderflow-rebuild", 9581, "orderflow_rebuild", Map.of(
                "orderflow.outbox.enabled", "false",
                // small batches: a rebuild of 50k events then lasts long enough to query, refuse and cancel during it
                "orderflow.projections.rebuild-batch-size", "250"));
        server.start();
        api = Api.client().at(server.api()).asTenant(TENANT).withoutReadYourWrites();
        String seed = api.post("/orders", "{\"order\":{\"customer_name\":\"seed\",\"customer_id\":\"seed\"}}").text("order_id");
        assertThat(api.post("/orders/" + seed + "/add_item",
                "{\"order_item\":{\"product_name\":\"item\",\"quantity\":2,\"unit_price_cents\":150}}").status()).isEqualTo(200);
        try (Connection db = server.database(); Statement s = db.createStatement()) {
            String orderKey = key(s, seed, 1, "order");
            String customerKey = key(s, seed, 1, "customer_?id");
            String lineKey = key(s, seed, 2, "line");
            // a block of positions of our own (the store takes each event's position from the sequence)
            long base;
            try (ResultSet rs = s.executeQuery("SELECT nextval('events_position_seq')")) {
                rs.next();
                base = rs.getLong(1);
            }
            s.execute("SELECT setval('events_position_seq', " + (base + (long) ORDERS * (ITEMS + 1) + 1) + ")");
            // copies of the seed's two events: 5,000 orders of OrderCreated + 9 ItemAdded, in stream order
            s.execute("""
                    WITH o AS MATERIALIZED (SELECT gen_random_uuid() AS order_id, n FROM generate_series(1, %5$d) n)
                    INSERT INTO events (position, event_id, tenant_id, stream_id, stream_type, stream_version, event_type,
                                        schema_version, payload, metadata, recorded_at)
                    SELECT %8$d + (c.n - 1) * %6$d + c.version, gen_random_uuid(), c.tenant_id, c.order_id::text, c.stream_type,
                           c.version, c.event_type, c.schema_version, c.payload, c.metadata, now()
                      FROM (SELECT o.n, t.tenant_id, o.order_id, t.stream_type, v.version, t.event_type, t.schema_version,
                                   CASE WHEN v.version = 1
                                        THEN t.payload || jsonb_build_object('%1$s', o.order_id, '%2$s', 'c-' || (o.n %% %4$d))
                                        ELSE t.payload || jsonb_build_object('%1$s', o.order_id, '%3$s', gen_random_uuid()) END
                                   AS payload, t.metadata
                              FROM o
                             CROSS JOIN generate_series(1, %6$d) v(version)
                              JOIN events t ON t.stream_id = '%7$s' AND t.stream_version = LEAST(v.version, 2)
                           ) c""".formatted(orderKey, customerKey, lineKey, CUSTOMERS, ORDERS, ITEMS + 1, seed, base));
            try (ResultSet rs = s.executeQuery("SELECT stream_id FROM events WHERE tenant_id = '" + TENANT
                    + "' AND stream_version = 1 AND stream_id <> '" + seed + "' ORDER BY random() LIMIT 20")) {
                while (rs.next()) {
                    SAMPLE.add(rs.getString(1));
                }
            }
        }
        Eventually.await(() -> api.get("/ops/projections"), reply -> {
            for (JsonNode projector : reply.json()) {
                if (projector.path("lag_events").asLong() > 0) {
                    return false;
                }
            }
            return true;
        }, Duration.ofMinutes(3), "the live projections caught up with 50k events");
        assertThat(completeAnswers(new Random(1))).isTrue();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void queries_during_a_rebuild_of_50k_events_always_see_the_complete_read_model() {
        Random random = new Random(7);
        String summaries = Rebuilds.start(api, "order-summary");
        String details = Rebuilds.start(api, "order-details");
        int roundsWhileRunning = 0;

        while (running(summaries) || running(details)) {
            assertThat(completeAnswers(random)).isTrue();
            roundsWhileRunning++;
        }

        Reply summariesDone = api.get(summaries);
        Reply detailsDone = api.get(details);
        assertThat(summariesDone.text("state")).as(summariesDone.toString()).isEqualTo("done");
        assertThat(detailsDone.text("state")).as(detailsDone.toString()).isEqualTo("done");
        assertThat(detailsDone.number("events_done")).isGreaterThanOrEqualTo((long) ORDERS * (ITEMS + 1));
        assertThat(roundsWhileRunning).as("query rounds while the rebuilds ran").isGreaterThanOrEqualTo(3);
        assertThat(completeAnswers(random)).isTrue();
        System.out.printf("blue/green: %d query rounds during the rebuilds; order-details %d events at %d events/s%n",
                roundsWhileRunning, detailsDone.number("events_done"), detailsDone.number("events_per_second"));
    }

    @Test
    void a_second_rebuild_is_refused_while_one_runs_and_a_cancelled_one_keeps_the_live_model() {
        String job = Rebuilds.start(api, "order-details");

        Reply second = api.post("/ops/projections/order-details/rebuild");
        Reply progress = api.get(job);
        Reply cancel = api.delete(job);
        Reply ended = Rebuilds.awaitEnd(api, job, Duration.ofMinutes(2));

        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.text("type")).isEqualTo("/problems/rebuild-running");
        assertThat(second.header("Location")).endsWith(job);
        assertThat(progress.number("events_total")).isGreaterThanOrEqualTo((long) ORDERS * (ITEMS + 1));
        assertThat(progress.json().path("percent_done").asDouble()).isBetween(0.0, 100.0);
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(202);
        assertThat(cancel.json().path("cancel_requested").asBoolean()).isTrue();
        assertThat(ended.text("state")).isEqualTo("cancelled");
        assertThat(ended.number("events_done")).isLessThan(ended.number("events_total"));
        assertThat(completeAnswers(new Random(3))).isTrue();
        Reply again = api.delete(job);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).isEqualTo("/problems/rebuild-finished");
        assertThat(api.get("/ops/projections/order-details/rebuilds/999999999").status()).isEqualTo(404);
    }

    private static boolean running(String job) {
        return "running".equals(api.get(job).text("state"));
    }

    /** One customer's whole list (100 orders of 9 items of 2) and one order's details, both complete. */
    private static boolean completeAnswers(Random random) {
        String customer = "c-" + random.nextInt(CUSTOMERS);
        Reply list = api.get("/orders?size=100&customer_id=" + customer);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        JsonNode orders = list.json().path("orders");
        assertThat(orders).as("orders of %s", customer).hasSize(ORDERS / CUSTOMERS);
        for (JsonNode order : orders) {
            assertThat(order.path("item_count").asInt()).as("items of %s", order.path("order_id")).isEqualTo(ITEMS * 2);
            assertThat(order.path("version").asLong()).isEqualTo(ITEMS + 1);
        }
        String id = SAMPLE.get(random.nextInt(SAMPLE.size()));
        Reply order = api.get("/orders/" + id);
        assertThat(order.status()).as(order.toString()).isEqualTo(200);
        assertThat(order.number("item_count")).isEqualTo(ITEMS * 2);
        assertThat(order.json().path("items")).hasSize(ITEMS);
        return true;
    }

    /** The seed event's payload key whose name matches {@code pattern} (the stored form's naming). */
    private static String key(Statement s, String seed, int version, String pattern) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT k FROM events, jsonb_object_keys(payload) k WHERE stream_id = '" + seed
                + "' AND stream_version = " + version + " AND k ~* '^" + pattern + "'")) {
            assertThat(rs.next()).as("a payload key like %s", pattern).isTrue();
            return rs.getString(1);
        }
    }
}
