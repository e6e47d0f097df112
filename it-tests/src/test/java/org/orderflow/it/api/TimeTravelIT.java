package org.orderflow.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orderflow.it.support.Api;
import org.orderflow.it.support.Api.Reply;
import org.orderflow.it.support.Deployments;

/** History with envelopes, and past states rebuilt from events at several points of a history. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TimeTravelIT {

    private final Api api = Api.client().with("X-Correlation-ID", "time-travel");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.orderflowWar();
    }

    private String orderWithHistory() {
        String id = api.post("/orders", "{\"order\":{\"customer_name\":\"Hopper\"}}").text("order_id");
        api.post("/orders/" + id + "/add_item", "{\"order_item\":{\"product_name\":\"a\",\"quantity\":1,\"unit_price_cents\":100}}");
        api.post("/orders/" + id + "/add_item", "{\"order_item\":{\"product_name\":\"b\",\"quantity\":2,\"unit_price_cents\":50}}");
        api.post("/orders/" + id + "/confirm");
        return id;
    }

    @Test
    void the_history_lists_every_event_with_its_envelope_and_pages_by_version() {
        String id = orderWithHistory();

        Reply first = api.get("/orders/" + id + "/history?limit=3");
        Reply rest = api.get("/orders/" + id + "/history?after_version=" + first.number("next_after_version"));

        JsonNode events = first.json().path("events");
        assertThat(events.findValuesAsText("event_type")).containsExactly("OrderCreated", "ItemAdded", "ItemAdded");
        assertThat(events.findValuesAsText("stream_version")).containsExactly("1", "2", "3");
        JsonNode created = events.get(0);
        assertThat(created.path("schema_version").asInt()).isEqualTo(1);
        assertThat(created.path("metadata").path("correlation_id").asText()).isEqualTo("time-travel");
        assertThat(created.path("data").path("customerName").asText()).isEqualTo("Hopper");
        assertThat(Instant.parse(created.path("recorded_at").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(first.number("next_after_version")).isEqualTo(3);
        assertThat(rest.json().path("events").findValuesAsText("event_type")).containsExactly("OrderConfirmed");
        assertThat(rest.json().path("next_after_version").isMissingNode() || rest.json().path("next_after_version").isNull())
                .isTrue();
    }

    @Test
    void an_order_at_each_version_is_rebuilt_from_its_events() {
        String id = orderWithHistory();

        Reply v1 = api.get("/orders/" + id + "?at_version=1");
        Reply v2 = api.get("/orders/" + id + "?at_version=2");
        Reply v3 = api.get("/orders/" + id + "?at_version=3");
        Reply v99 = api.get("/orders/" + id + "?at_version=99");

        assertThat(v1.text("status")).isEqualTo("PENDING");
        assertThat(v1.number("item_count")).isZero();
        assertThat(v1.number("version")).isEqualTo(1);
        assertThat(v2.number("total_cents")).isEqualTo(100);
        assertThat(v3.number("total_cents")).isEqualTo(200);
        assertThat(v3.number("item_count")).isEqualTo(3);
        assertThat(v3.text("status")).isEqualTo("PENDING");
        assertThat(v99.text("status")).isEqualTo("CONFIRMED");
        assertThat(v99.number("version")).isEqualTo(4);
    }

    @Test
    void an_order_as_of_an_instant_is_its_state_at_that_time() {
        String id = orderWithHistory();
        JsonNode events = api.get("/orders/" + id + "/history").json().path("events");
        Instant created = Instant.parse(events.get(0).path("recorded_at").asText());
        Instant secondItem = Instant.parse(events.get(2).path("recorded_at").asText());

        Reply before = api.get("/orders/" + id + "?as_of=" + created.minusSeconds(1));
        Reply atCreation = api.get("/orders/" + id + "?as_of=" + created);
        Reply atSecondItem = api.get("/orders/" + id + "?as_of=" + secondItem);

        assertThat(before.status()).as("did not exist yet").isEqualTo(404);
        assertThat(atCreation.number("version")).isGreaterThanOrEqualTo(1);
        assertThat(atSecondItem.number("version")).isGreaterThanOrEqualTo(3);
        assertThat(atSecondItem.number("item_count")).isEqualTo(3);
    }

    @Test
    void products_travel_in_time_too() {
        String id = api.post("/products", "{\"product\":{\"name\":\"pen\",\"price_cents\":100,\"category_id\":\"office\"}}")
                .text("product_id");
        api.post("/products/" + id + "/update_price", "{\"product\":{\"price_cents\":120}}");
        api.delete("/products/" + id);

        assertThat(api.get("/products/" + id + "?at_version=1").number("price_cents")).isEqualTo(100);
        assertThat(api.get("/products/" + id + "?at_version=2").number("price_cents")).isEqualTo(120);
        assertThat(api.get("/products/" + id + "?at_version=2").json().path("deleted").asBoolean()).isFalse();
        assertThat(api.get("/products/" + id + "?at_version=3").json().path("deleted").asBoolean()).isTrue();
        assertThat(api.get("/products/" + id + "/history").json().path("events").findValuesAsText("event_type"))
                .containsExactly("ProductCreated", "PriceUpdated", "ProductDeleted");
    }

    @Test
    void bad_time_travel_parameters_are_400() {
        String id = orderWithHistory();

        assertThat(api.get("/orders/" + id + "?at_version=0").status()).isEqualTo(400);
        assertThat(api.get("/orders/" + id + "?as_of=yesterday").status()).isEqualTo(400);
        assertThat(api.get("/orders/" + id + "?at_version=1&as_of=2026-01-01T00:00:00Z").status()).isEqualTo(400);
        assertThat(api.get("/orders/" + id + "?at_version=abc").status()).isIn(400, 404);
    }
}
