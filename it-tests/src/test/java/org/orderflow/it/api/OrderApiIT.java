package org.orderflow.it.api;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The order API over HTTP against the deployed WAR, each test with its own orders. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrderApiIT {

    private static final String LAPTOP = "{\"order_item\":{\"product_name\":\"ノートPC\",\"quantity\":1,\"unit_price_cents\":120000}}";
    private final Api api = Api.client();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.orderflowWar();
    }

    private String createOrder(Api client) {
        Reply created = client.post("/orders", "{\"order\":{\"customer_name\":\"山田太郎\"}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("order_id");
    }

    private long version(String orderId) {
        return api.get("/orders/" + orderId).number("version");
    }

    @Test
    void the_original_curl_sequence_create_add_item_confirm_get() {
        Reply created = api.post("/orders", "{\"order\":{\"customer_name\":\"山田太郎\"}}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("order_id");
        assertThat(created.header("Location")).endsWith("/orderflow/api/orders/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.number("version")).isEqualTo(1);
        assertThat(created.number("position")).isPositive();

        Reply added = api.post("/orders/" + id + "/add_item", LAPTOP);
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.number("version")).isEqualTo(2);
        assertThat(added.text("line_id")).isNotBlank();
        assertThat(added.header("ETag")).isEqualTo("\"2\"");

        Reply confirmed = api.post("/orders/" + id + "/confirm");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.number("version")).isEqualTo(3);
        assertThat(confirmed.number("position")).isGreaterThan(added.number("position"));

        Reply order = api.get("/orders/" + id);
        assertThat(order.status()).isEqualTo(200);
        assertThat(order.header("ETag")).isEqualTo("\"3\"");
        assertThat(order.text("customer_name")).isEqualTo("山田太郎");
        assertThat(order.text("status")).isEqualTo("CONFIRMED");
        assertThat(order.number("total_cents")).isEqualTo(120000);
        assertThat(order.number("item_count")).isEqualTo(1);
        assertThat(order.json().path("items").get(0).path("product_name").asText()).isEqualTo("ノートPC");
        assertThat(order.json().path("items").get(0).path("line_id").asText()).isEqualTo(added.text("line_id"));
    }

    @Test
    void the_full_flow_reserve_pay_confirm_with_item_removal_and_customer_details() {
        Reply created = api.post("/orders", """
                {"order":{"customer_name":"Ada","customer_id":"cust-7",
                 "shipping_address":{"line1":"1 Analytical St","city":"London","postal_code":"N1","country":"GB"}}}""");
        String id = created.text("order_id");
        api.post("/orders/" + id + "/add_item", LAPTOP);
        String mouse = api.post("/orders/" + id + "/add_item",
                "{\"order_item\":{\"product_name\":\"mouse\",\"quantity\":2,\"unit_price_cents\":2500}}").text("line_id");
        assertThat(api.post("/orders/" + id + "/remove_item", "{\"order_item\":{\"line_id\":\"" + mouse + "\"}}").status())
                .isEqualTo(200);
        assertThat(api.post("/orders/" + id + "/reserve_inventory", "{\"reservation\":{\"reservation_id\":\"R-1\"}}")
                .status()).isEqualTo(200);

        Reply wrongAmount = api.post("/orders/" + id + "/process_payment",
                "{\"payment\":{\"payment_id\":\"P-1\",\"amount_cents\":125000}}");
        assertThat(wrongAmount.status()).isEqualTo(422);
        assertThat(wrongAmount.text("code")).isEqualTo("order.payment_amount_mismatch");
        Reply early = api.post("/orders/" + id + "/confirm");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.text("code")).isEqualTo("order.payment_outstanding");

        assertThat(api.post("/orders/" + id + "/process_payment",
                "{\"payment\":{\"payment_id\":\"P-1\",\"amount_cents\":120000}}").status()).isEqualTo(200);
        assertThat(api.post("/orders/" + id + "/confirm").status()).isEqualTo(200);

        Reply order = api.get("/orders/" + id);
        assertThat(order.text("status")).isEqualTo("CONFIRMED");
        assertThat(order.text("reservation_id")).isEqualTo("R-1");
        assertThat(order.text("payment_id")).isEqualTo("P-1");
        assertThat(order.text("customer_id")).isEqualTo("cust-7");
        assertThat(order.json().path("shipping_address").path("city").asText()).isEqualTo("London");
        assertThat(order.number("item_count")).isEqualTo(1);
        assertThat(order.number("version")).isEqualTo(7);
    }

    @Test
    void a_cancelled_order_refuses_everything_and_stores_nothing_more() {
        String id = createOrder(api);
        Reply cancelled = api.post("/orders/" + id + "/cancel", "{\"cancellation\":{\"reason\":\"changed my mind\"}}");
        assertThat(cancelled.status()).isEqualTo(200);

        Reply confirm = api.post("/orders/" + id + "/confirm");
        Reply add = api.post("/orders/" + id + "/add_item", LAPTOP);
        Reply cancelAgain = api.post("/orders/" + id + "/cancel", "{\"cancellation\":{\"reason\":\"again\"}}");

        assertThat(confirm.status()).isEqualTo(422);
        assertThat(confirm.contentType()).startsWith("application/problem+json");
        assertThat(confirm.text("code")).isEqualTo("order.already_cancelled");
        assertThat(add.text("code")).isEqualTo("order.not_pending");
        assertThat(cancelAgain.text("code")).isEqualTo("order.already_cancelled");
        Reply order = api.get("/orders/" + id);
        assertThat(order.text("status")).isEqualTo("CANCELLED");
        assertThat(order.text("cancellation_reason")).isEqualTo("changed my mind");
        assertThat(order.number("version")).isEqualTo(2);
    }

    @Test
    void confirming_an_empty_order_is_a_rule_violation_with_its_code() {
        String id = createOrder(api);

        Reply confirm = api.post("/orders/" + id + "/confirm");

        assertThat(confirm.status()).isEqualTo(422);
        assertThat(confirm.text("type")).isEqualTo("/problems/rule-violation");
        assertThat(confirm.text("code")).isEqualTo("order.no_items");
        assertThat(version(id)).isEqualTo(1);
    }

    @Test
    void invalid_fields_are_400_naming_the_field_and_store_nothing() {
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        Api client = api.asTenant(tenant);

        Reply blank = client.post("/orders", "{\"order\":{\"customer_name\":\"  \"}}");
        Reply missingWrapper = client.post("/orders", "{\"customer_name\":\"x\"}");
        String id = createOrder(client);
        Reply zeroQuantity = client.post("/orders/" + id + "/add_item",
                "{\"order_item\":{\"product_name\":\"x\",\"quantity\":0,\"unit_price_cents\":1}}");
        Reply negativePrice = client.post("/orders/" + id + "/add_item",
                "{\"order_item\":{\"product_name\":\"x\",\"quantity\":1,\"unit_price_cents\":-1}}");
        Reply missingPrice = client.post("/orders/" + id + "/add_item",
                "{\"order_item\":{\"product_name\":\"x\",\"quantity\":1}}");

        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.contentType()).startsWith("application/problem+json");
        assertThat(blank.json().path("errors").get(0).path("field").asText()).isEqualTo("order.customer_name");
        assertThat(missingWrapper.status()).isEqualTo(400);
        assertThat(missingWrapper.json().path("errors").get(0).path("field").asText()).isEqualTo("customer_name");
        assertThat(missingWrapper.json().path("errors").get(0).path("message").asText()).endsWith("(fields here: order)");
        assertThat(zeroQuantity.status()).isEqualTo(400);
        assertThat(zeroQuantity.json().path("errors").get(0).path("field").asText()).isEqualTo("order_item.quantity");
        assertThat(negativePrice.json().path("errors").get(0).path("field").asText()).isEqualTo("order_item.unit_price_cents");
        // unit_price_cents is optional in the schema (a catalogue line takes the product's price): a line sold
        // by name without one is refused by the rule, once the order is known
        assertThat(missingPrice.status()).isEqualTo(422);
        assertThat(missingPrice.text("code")).isEqualTo("order.invalid_unit_price");
        assertThat(client.get("/orders").json().path("orders")).hasSize(1);
        assertThat(client.get("/orders/" + id).number("version")).isEqualTo(1);
    }

    @Test
    void malformed_json_and_wrong_types_are_400() {
        String id = createOrder(api);

        Reply truncated = api.post("/orders", "{\"order\":");
        Reply wrongType = api.post("/orders/" + id + "/add_item",
                "{\"order_item\":{\"product_name\":\"x\",\"quantity\":\"many\",\"unit_price_cents\":1}}");
        Reply empty = api.post("/orders", "");

        assertThat(truncated.status()).isEqualTo(400);
        assertThat(truncated.text("type")).isEqualTo("/problems/malformed-request");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().path("errors").get(0).path("field").asText()).isEqualTo("order_item.quantity");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(version(id)).isEqualTo(1);
    }

    @Test
    void a_wrong_content_type_is_415() {
        Reply reply = api.post("/orders", "text/plain", "customer_name=x");

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.text("title")).isEqualTo("Unsupported Media Type");
    }

    @Test
    void unknown_orders_are_404_for_queries_and_commands() {
        String unknown = UUID.randomUUID().toString();

        assertThat(api.get("/orders/" + unknown).status()).isEqualTo(404);
        assertThat(api.get("/orders/not-a-uuid").status()).isEqualTo(404);
        Reply command = api.post("/orders/" + unknown + "/add_item", LAPTOP);
        assertThat(command.status()).isEqualTo(404);
        assertThat(command.text("type")).isEqualTo("/problems/not-found");
        assertThat(api.post("/orders/" + unknown + "/confirm").status()).isEqualTo(404);
    }

    @Test
    void a_product_id_on_an_order_route_is_404_not_the_product() {
        String product = api.post("/products", "{\"product\":{\"name\":\"pen\",\"price_cents\":100,\"category_id\":\"office\"}}")
                .text("product_id");

        assertThat(api.get("/orders/" + product).status()).isEqualTo(404);
        assertThat(api.get("/orders/" + product + "/history").status()).isEqualTo(404);
        assertThat(api.post("/orders/" + product + "/confirm").status()).isEqualTo(404);
        assertThat(api.get("/products/" + product).status()).isEqualTo(200);
    }

    @Test
    void paging_parameters_that_are_not_numbers_or_too_large_are_400() {
        Reply huge = api.get("/orders?page=2147483647&size=20");
        Reply text = api.get("/orders?size=abc");

        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.json().path("errors").get(0).path("field").asText()).isEqualTo("page");
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.contentType()).startsWith("application/problem+json");
    }

    @Test
    void orders_are_invisible_to_other_tenants() {
        Api acme = api.asTenant("acme");
        Api globex = api.asTenant("globex");
        String id = createOrder(acme);

        assertThat(acme.get("/orders/" + id).status()).isEqualTo(200);
        assertThat(globex.get("/orders/" + id).status()).isEqualTo(404);
        assertThat(globex.post("/orders/" + id + "/confirm").status()).isEqualTo(404);
        assertThat(api.get("/orders/" + id).status()).as("default tenant").isEqualTo(404);
    }

    @Test
    void the_list_pages_a_tenants_orders_newest_first_and_validates_paging() {
        Api tenant = api.asTenant("list" + UUID.randomUUID().toString().substring(0, 8));
        String first = createOrder(tenant);
        String second = createOrder(tenant);
        String third = createOrder(tenant);

        Reply page0 = tenant.get("/orders?size=2");
        Reply page1 = tenant.get("/orders?size=2&page=1");

        assertThat(page0.json().path("orders").findValuesAsText("order_id")).containsExactly(third, second);
        assertThat(page1.json().path("orders").findValuesAsText("order_id")).containsExactly(first);
        Reply tooBig = tenant.get("/orders?size=1000");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().path("errors").get(0).path("field").asText()).isEqualTo("size");
    }

    @Test
    void correlation_ids_are_echoed_or_generated_and_bad_headers_refused() {
        Reply echoed = api.with("X-Correlation-ID", "corr-123").get("/orders?size=1");
        Reply generated = api.get("/orders?size=1");
        Reply badTenant = api.with("X-Tenant-ID", "no spaces!").post("/orders", "{\"order\":{\"customer_name\":\"x\"}}");

        assertThat(echoed.header("X-Correlation-ID")).isEqualTo("corr-123");
        assertThat(generated.header("X-Correlation-ID")).matches("[0-9a-f-]{36}");
        assertThat(badTenant.status()).isEqualTo(400);
        assertThat(badTenant.text("detail")).contains("X-Tenant-ID");
    }

    @Test
    void unknown_paths_and_methods_answer_problems() {
        Reply path = api.get("/nothing-here");
        Reply method = api.delete("/orders/" + UUID.randomUUID());

        assertThat(path.status()).isEqualTo(404);
        assertThat(path.contentType()).startsWith("application/problem+json");
        assertThat(method.status()).isEqualTo(405);
    }
}
