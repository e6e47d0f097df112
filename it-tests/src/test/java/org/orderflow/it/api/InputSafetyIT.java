package org.orderflow.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orderflow.it.support.Api;
import org.orderflow.it.support.Api.Reply;
import org.orderflow.it.support.Deployments;
import org.orderflow.it.support.EventsTable;
import org.orderflow.it.support.RawHttp;

/**
 * One regression test per finding of the input-safety review (issue 11), on the deployed WAR.
 * Each test works in a tenant of its own and checks that a refused request stored nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InputSafetyIT {

    private final String tenant = "in" + UUID.randomUUID().toString().substring(0, 8);
    private final Api api = Api.client().asTenant(tenant);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.orderflowWar();
    }

    // 1. Denial of service: truncated documents the old parser spun on forever.

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void truncated_bodies_are_answered_at_once_and_the_server_stays_responsive() throws Exception {
        List<CompletableFuture<Reply>> pending = new ArrayList<>();
        for (String body : new String[] {"{\"x\":{", "{\"order\":{\"customer_name\":\"a\",\"x\":[", "{\"x\":{", "{\"x\":["}) {
            pending.add(CompletableFuture.supplyAsync(() -> api.post("/orders", body)));
        }
        for (CompletableFuture<Reply> reply : pending) {
            Reply answer = reply.get(5, TimeUnit.SECONDS);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.text("type")).isEqualTo("/problems/malformed-request");
        }
        long start = System.nanoTime();
        assertThat(api.getAbsolute("/health/live").status()).isEqualTo(200);
        assertThat(api.post("/orders", "{\"order\":{\"customer_name\":\"still here\"}}").status()).isEqualTo(201);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    @Timeout(value = 40, unit = TimeUnit.SECONDS)
    void a_client_that_stops_sending_its_body_is_cut_off() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(System.getProperty("it.http.port", "9181")))) {
            socket.getOutputStream().write(("POST /orderflow/api/orders HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + api.authorization()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"order\":").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            socket.setSoTimeout(30_000);
            long start = System.nanoTime();
            assertThat(api.getAbsolute("/health/live").status()).as("other requests are served meanwhile").isEqualTo(200);
            byte[] answer = socket.getInputStream().readNBytes(12); // the status line, or nothing when the server closes
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(waited).as("http.read.timeout is 10 s").isLessThan(Duration.ofSeconds(25));
            if (answer.length > 0) {
                assertThat(new String(answer, StandardCharsets.US_ASCII)).matches("HTTP/1\\.1 4\\d\\d");
            }
        }
        assertThat(EventsTable.countInTenant(tenant)).isZero();
    }

    // 2. Numbers: never wrapped, narrowed, rounded or read from strings.

    @ParameterizedTest
    @ValueSource(strings = {"4294967297", "4294967301", "1e400", "1e300", "12.99", "-0.5", "\"5\"", "2147483648"})
    void a_quantity_that_is_not_an_int_is_refused(String quantity) {
        String order = createOrder();
        Reply reply = api.post("/orders/" + order + "/add_item",
                "{\"order_item\":{\"product_name\":\"p\",\"quantity\":" + quantity + ",\"unit_price_cents\":100}}");
        assertRefused(reply, 400, "order_item.quantity");
        assertThat(EventsTable.countInTenant(tenant)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"18446744073709551716", "9223372036854775808", "1e400", "100.5", "\"100\""})
    void a_price_that_is_not_a_long_is_refused(String price) {
        String order = createOrder();
        Reply item = api.post("/orders/" + order + "/add_item",
                "{\"order_item\":{\"product_name\":\"p\",\"quantity\":1,\"unit_price_cents\":" + price + "}}");
        Reply product = api.post("/products", "{\"product\":{\"name\":\"n\",\"price_cents\":" + price + ",\"category_id\":\"c\"}}");
        assertRefused(item, 400, "order_item.unit_price_cents");
        assertRefused(product, 400, "product.price_cents");
        assertThat(EventsTable.countInTenant(tenant)).isEqualTo(1);
    }

    // 3. NUL (which PostgreSQL's jsonb refuses) in every text field: 400, never 500.

    @Test
    void nul_in_any_text_field_is_refused() throws Exception {
        String order = createOrder();
        String nul = "\"a\\u0000b\"";
        assertRefused(api.post("/orders", "{\"order\":{\"customer_name\":" + nul + "}}"), 400, "order.customer_name");
        assertRefused(api.post("/orders", "{\"order\":{\"customer_name\":\"a\",\"customer_id\":" + nul + "}}"), 400, "order.customer_id");
        assertRefused(api.post("/orders", "{\"order\":{\"customer_name\":\"a\",\"shipping_address\":{\"line1\":" + nul
                + ",\"city\":\"c\",\"country\":\"JP\"}}}"), 400, "order.shipping_address.line1");
        assertRefused(api.post("/orders/" + order + "/add_item",
                "{\"order_item\":{\"product_name\":" + nul + ",\"quantity\":1,\"unit_price_cents\":1}}"), 400, "order_item.product_name");
        assertRefused(api.post("/orders/" + order + "/reserve_inventory", "{\"reservation\":{\"reservation_id\":" + nul + "}}"),
                400, "reservation.reservation_id");
        assertRefused(api.post("/orders/" + order + "/process_payment",
                "{\"payment\":{\"payment_id\":" + nul + ",\"amount_cents\":0}}"), 400, "payment.payment_id");
        assertRefused(api.post("/orders/" + order + "/cancel", "{\"cancellation\":{\"reason\":" + nul + "}}"), 400,
                "cancellation.reason");
        assertRefused(api.post("/products", "{\"product\":{\"name\":" + nul + ",\"price_cents\":1,\"category_id\":\"c\"}}"),
                400, "product.name");
        assertRefused(api.get("/orders?customer_id=a%00b"), 400, "customer_id");
        RawHttp.Response header = RawHttp.send("127.0.0.1", Integer.parseInt(System.getProperty("it.http.port", "9181")),
                new RawHttp.Request("POST", "/orderflow/api/orders", List.of(Map.entry("Host", "localhost"),
                        Map.entry("Connection", "close"), Map.entry("Authorization", api.authorization()),
                        Map.entry("X-User-ID", "op\u0001"),
                        Map.entry("Content-Type", "application/json"), Map.entry("Content-Length", "31")),
                        "{\"order\":{\"customer_name\":\"a\"}}".getBytes(StandardCharsets.UTF_8)), 5_000);
        assertThat(header.status()).isEqualTo(400);
        assertThat(header.contentType()).startsWith("application/problem+json");
        assertThat(header.body()).containsIgnoringCase("X-User-ID");
        assertThat(EventsTable.countInTenant(tenant)).isEqualTo(1);
    }

    // 4. Garbage that used to be accepted.

    @ParameterizedTest
    @ValueSource(strings = {"}", "garbage", "//x", " {}"})
    void content_after_the_json_value_is_refused(String trailing) {
        assertRefused(api.post("/orders", "{\"order\":{\"customer_name\":\"a\"}}" + trailing), 400, "body");
        assertThat(EventsTable.countInTenant(tenant)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "true", "12.5", "[\"a\"]"})
    void a_number_or_boolean_is_not_a_string(String value) {
        assertRefused(api.post("/orders", "{\"order\":{\"customer_name\":" + value + "}}"), 400, "order.customer_name");
        assertThat(EventsTable.countInTenant(tenant)).isZero();
    }

    @Test
    void the_wrapper_inside_an_array_duplicate_keys_and_unknown_fields_are_refused() {
        assertRefused(api.post("/orders", "[{\"order\":{\"customer_name\":\"a\"}}]"), 400, null);
        assertRefused(api.post("/orders", "{\"order\":{\"customer_name\":\"a\",\"customer_name\":\"b\"}}"), 400, "order.customer_name");
        assertRefused(api.post("/orders", "{\"order\":{\"customer_name\":\"a\",\"x\":1}}"), 400, "order.x");
        assertThat(EventsTable.countInTenant(tenant)).isZero();
    }

    @Test
    void invalid_utf8_and_lone_surrogates_are_refused_not_replaced() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"order\":{\"customer_name\":\"a".getBytes(StandardCharsets.UTF_8));
        body.write(0xC3);
        body.write(0x28);
        body.writeBytes("\"}}".getBytes(StandardCharsets.UTF_8));
        assertRefused(api.post("/orders", body.toByteArray()), 400, "order.customer_name");
        assertRefused(api.post("/orders", "{\"order\":{\"customer_name\":\"a\\ud800\"}}"), 400, "order.customer_name");
        assertThat(EventsTable.countInTenant(tenant)).isZero();
    }

    @Test
    void a_boolean_query_parameter_is_true_or_false() {
        assertRefused(api.get("/products?include_deleted=maybe"), 400, "include_deleted");
        assertThat(api.get("/products?include_deleted=true").status()).isEqualTo(200);
        assertThat(api.get("/products?include_deleted=false").status()).isEqualTo(200);
    }

    @Test
    void limits_are_enforced_before_and_while_parsing() {
        Reply large = api.post("/orders", "{\"order\":{\"customer_name\":\"" + "x".repeat(70_000) + "\"}}");
        assertRefused(large, 413, "body");
        assertThat(large.number("max_body_bytes")).isEqualTo(65_536);
        assertRefused(api.post("/orders", "{\"order\":{\"customer_name\":\"" + "x".repeat(10_001) + "\"}}"), 400, "body");
        assertRefused(api.post("/orders", "{\"order\":{\"customer_name\":\"a\",\"customer_id\":\"" + "x".repeat(101) + "\"}}"),
                400, "order.customer_id");
        String order = createOrder();
        assertRefused(api.post("/orders/" + order + "/add_item",
                "{\"order_item\":{\"product_name\":\"p\",\"quantity\":" + "9".repeat(41) + ",\"unit_price_cents\":1}}"), 400, "body");
        assertThat(EventsTable.countInTenant(tenant)).isEqualTo(1);
    }

    // 5. Internals: no class names, and the container's own errors are problems too.

    @Test
    void problems_name_no_classes() {
        for (Reply reply : List.of(api.post("/orders", "{\"order\":7}"), api.post("/orders", ""),
                api.post("/orders", "\"text\""), api.post("/orders", "{\"customer_name\":\"x\"}"))) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.response().body()).doesNotContainPattern("org\\.orderflow|java\\.|Exception|\\$[A-Z]");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/orders/a%2Fb", "/orders/a%5Cb", "/orders/a%2Fb/history", "/products/%5C", "/orders/%C3%28"})
    void an_encoded_slash_or_backslash_in_a_path_id_is_a_problem(String path) {
        Reply reply = api.get(path);
        assertThat(reply.status()).isBetween(400, 499);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.response().body()).doesNotContainPattern("Exception|SRVE|<html|<H1>|at com\\.");
    }

    private String createOrder() {
        Reply created = api.post("/orders", "{\"order\":{\"customer_name\":\"input safety\"}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("order_id");
    }

    private static void assertRefused(Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(reply.json().path("errors").get(0).path("field").asText()).as(reply.toString()).isEqualTo(field);
        }
        assertThat(reply.response().body()).doesNotContainPattern("org\\.orderflow|java\\.|Exception|\\$[A-Z]");
    }
}
