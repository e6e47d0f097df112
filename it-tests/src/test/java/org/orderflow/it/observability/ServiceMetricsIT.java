package org.orderflow.it.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The service's own metrics on the deployed WAR ({@code /metrics?scope=application}, HTTPS, an
 * operator's token): commands by type and outcome with histogram buckets, the event store's
 * appends and loads, the consumers' deliveries, and the operational gauges (projection lag per
 * projector, rebuilds, outbox backlog, dead letters).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServiceMetricsIT {

    private static final String ITEM = "{\"order_item\":{\"product_name\":\"item\",\"quantity\":1,\"unit_price_cents\":100}}";
    private final Api api = Api.client().asTenant("metrics" + UUID.randomUUID().toString().substring(0, 8));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.orderflowWar();
    }

    @Test
    void commands_are_timed_by_type_and_outcome_with_histogram_buckets() {
        String before = Metrics.body("scope=application");

        String order = api.post("/orders", "{\"order\":{\"customer_name\":\"Hopper\"}}").text("order_id");
        assertThat(api.post("/orders/" + order + "/confirm").status()).as("confirming an empty order").isEqualTo(422);
        assertThat(api.post("/orders/" + order + "/add_item", ITEM).status()).isEqualTo(200);
        assertThat(api.post("/orders/" + UUID.randomUUID() + "/add_item", ITEM).status()).isEqualTo(404);
        assertThat(api.with("If-Match", "\"7\"").post("/orders/" + order + "/add_item", ITEM).status()).isEqualTo(409);

        String after = Metrics.body("scope=application");
        assertThat(grew(before, after, "orderflow_commands_seconds_count", "type=create_order", "outcome=done")).isOne();
        assertThat(grew(before, after, "orderflow_commands_seconds_count", "type=add_item", "outcome=done")).isOne();
        assertThat(grew(before, after, "orderflow_commands_seconds_count", "type=confirm_order", "outcome=refused")).isOne();
        assertThat(grew(before, after, "orderflow_commands_seconds_count", "type=add_item", "outcome=not_found")).isOne();
        assertThat(grew(before, after, "orderflow_commands_seconds_count", "type=add_item", "outcome=conflict")).isOne();
        assertThat(value(after, "orderflow_commands_seconds_bucket", "type=create_order", "outcome=done", "le=+Inf"))
                .as("histogram buckets of the command timer").isGreaterThanOrEqualTo(1);
        assertThat(value(after, "orderflow_commands_seconds_max", "type=create_order", "outcome=done")).isPositive();
        assertThat(grew(before, after, "orderflow_eventstore_append_seconds_count")).isGreaterThanOrEqualTo(2);
        assertThat(grew(before, after, "orderflow_eventstore_appended_events_total")).isGreaterThanOrEqualTo(2);
        assertThat(grew(before, after, "orderflow_eventstore_load_seconds_count")).isGreaterThanOrEqualTo(2);
        assertThat(value(after, "orderflow_eventstore_append_seconds_bucket", "le=+Inf")).isPositive();
    }

    @Test
    void each_consumer_counts_its_deliveries() {
        String before = Metrics.body("scope=application");

        // an order cancelled: the webhook takes every event, the notifications subscription cancellations and confirmations
        String order = api.post("/orders", "{\"order\":{\"customer_name\":\"Liskov\"}}").text("order_id");
        assertThat(api.post("/orders/" + order + "/cancel", "{\"cancellation\":{\"reason\":\"metrics\"}}").status())
                .isEqualTo(200);

        for (String consumer : List.of("webhook", "notifications")) {
            Eventually.await(() -> grew(before, Metrics.body("scope=application"), "orderflow_consumer_deliveries_seconds_count",
                    "consumer=" + consumer, "outcome=processed"), grown -> grown >= 1, Duration.ofSeconds(30),
                    consumer + " counting the delivery of the new order's event");
        }
    }

    @Test
    void the_operational_state_is_a_gauge_per_projector_and_for_the_outbox_and_the_dead_letters() {
        String id = api.post("/orders", "{\"order\":{\"customer_name\":\"Dijkstra\"}}").text("order_id");
        assertThat(id).isNotBlank();

        String metrics = Metrics.body("scope=application");

        List<String> projectors = Arrays.stream(api.get("/ops/projections").json().findValuesAsText("projector")
                .toArray(String[]::new)).toList();
        assertThat(projectors).contains("order-summary", "order-details", "product-catalog", "fulfilment");
        for (String projector : projectors) {
            assertThat(value(metrics, "orderflow_projection_lag_events", "projector=" + projector)).isNotNegative();
            assertThat(value(metrics, "orderflow_projection_lag_seconds", "projector=" + projector)).isNotNegative();
            assertThat(value(metrics, "orderflow_rebuild_running", "projector=" + projector)).isBetween(0.0, 1.0);
            assertThat(value(metrics, "orderflow_rebuild_progress", "projector=" + projector)).isBetween(0.0, 1.0);
        }
        assertThat(value(metrics, "orderflow_outbox_backlog_events")).isNotNegative();
        assertThat(value(metrics, "orderflow_outbox_backlog_age_seconds")).isNotNegative();
        assertThat(value(metrics, "orderflow_outbox_published_events")).isPositive();
        assertThat(value(metrics, "orderflow_dead_letters")).isNotNegative();
        assertThat(value(metrics, "orderflow_consumer_processed_events", "consumer=webhook")).isPositive();
    }

    /** How much the series grew between two scrapes (a series absent before counts from 0). */
    private static double grew(String before, String after, String name, String... labels) {
        return sum(after, name, labels) - sum(before, name, labels);
    }

    /** The one series of {@code name} carrying every label given; fails if there is none. */
    private static double value(String metrics, String name, String... labels) {
        List<Double> values = series(metrics, name, labels);
        assertThat(values).as("series %s%s in%n%s", name, Arrays.toString(labels), metrics).isNotEmpty();
        return values.stream().mapToDouble(Double::doubleValue).sum();
    }

    private static double sum(String metrics, String name, String... labels) {
        return series(metrics, name, labels).stream().mapToDouble(Double::doubleValue).sum();
    }

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})? (\\S+)$", Pattern.MULTILINE);

    private static List<Double> series(String metrics, String name, String... labels) {
        List<Double> values = new java.util.ArrayList<>();
        Matcher line = LINE.matcher(metrics);
        while (line.find()) {
            if (!line.group(1).equals(name)) {
                continue;
            }
            String labelText = line.group(3) == null ? "" : line.group(3);
            boolean all = Arrays.stream(labels).allMatch(label -> {
                String[] pair = label.split("=", 2);
                return labelText.contains(pair[0] + "=\"" + pair[1] + "\"");
            });
            if (all) {
                values.add(Double.parseDouble(line.group(4)));
            }
        }
        return values;
    }
}
