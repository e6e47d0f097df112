package org.orderflow.it.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderflow.it.support.Api;
import org.orderflow.it.support.Api.Reply;
import org.orderflow.it.support.Eventually;
import org.orderflow.it.support.ExternalSystems;
import org.orderflow.it.support.OwnServer;
import org.orderflow.it.support.PaymentStub;

/**
 * The service killed with SIGKILL in the middle of many checkouts, then started again: every
 * acknowledged checkout ends CONFIRMED or CANCELLED, the stock balances to the unit, and no order
 * keeps more than one payment (counted at the stub provider). A server of its own
 * (orderflow-checkout-crash, own ports and database) so the Arquillian server is not disturbed.
 */
class CheckoutCrashIT {

    private static final int HTTP_PORT = 9781;
    private static final int ORDERS = 60;
    private static OwnServer server;

    @BeforeAll
    static void createServer() throws Exception {
        server = OwnServer.create("orderflow-checkout-crash", HTTP_PORT, "orderflow_checkout_crash", Map.of(
                "orderflow.payment.provider", "http",
                "orderflow.payment.http.url", "http://127.0.0.1:" + System.getProperty("it.payment.port") + "/payments",
                "orderflow.payment.timeout", "PT3S",
                "orderflow.checkout.payment-deadline", "PT20S",
                "orderflow.checkout.payment-backoff", "PT0.2S"));
        ExternalSystems.payments(); // the provider must be up
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.stop();
    }

    @Test
    void killed_in_the_middle_of_many_checkouts_every_one_ends_and_the_stock_balances() throws Exception {
        server.start();
        Api api = Api.client().at(server.api()).withoutReadYourWrites();
        PaymentStub provider = ExternalSystems.payments();
        // two products, 40 and 25 units, for 60 orders of 1 or 2 units each: some must run out
        List<String> products = List.of(product(api, "Crash keyboard", 40), product(api, "Crash mouse", 25));
        Map<String, String> productOf = new HashMap<>();
        Map<String, Integer> quantityOf = new HashMap<>();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            String order = api.post("/orders", "{\"order\":{\"customer_name\":\"crash " + i + "\"}}").text("order_id");
            String product = products.get(i % 2);
            int quantity = 1 + i % 3 / 2;
            Reply added = api.post("/orders/" + order + "/add_item",
                    "{\"order_item\":{\"product_id\":\"" + product + "\",\"quantity\":" + quantity + "}}");
            assertThat(added.status()).as(added.toString()).isEqualTo(200);
            productOf.put(order, product);
            quantityOf.put(order, quantity);
            orders.add(order);
            if (i % 7 == 0) {
                provider.answerLate(order, Duration.ofMillis(1_500)); // some payments in flight when the server dies
            }
        }

        Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        for (String order : orders) {
            clients.submit(() -> {
                sent.incrementAndGet();
                try {
                    if (api.post("/orders/" + order + "/checkout").status() == 202) {
                        acknowledged.put(order, true);
                    }
                } catch (RuntimeException serverGone) {
                    // not acknowledged
                }
            });
        }
        Eventually.await(acknowledged::size, n -> n >= ORDERS / 2, Duration.ofSeconds(60), "half the checkouts acknowledged");
        server.kill();
        clients.shutdown();
        clients.awaitTermination(30, TimeUnit.SECONDS);
        System.out.println("kill -9 after " + acknowledged.size() + " acknowledged checkouts of " + sent.get() + " sent");

        server.start();

        Map<String, JsonNode> settled = new HashMap<>();
        for (String order : acknowledged.keySet()) {
            settled.put(order, Eventually.await(() -> api.get("/orders/" + order).json(),
                    o -> List.of("CONFIRMED", "CANCELLED").contains(o.path("status").asText()), Duration.ofSeconds(90),
                    "order " + order + " confirmed or cancelled after the restart"));
        }
        // a checkout whose answer the kill cut off may have started all the same: it too must end
        Map<String, String> statusOf = new HashMap<>();
        for (String order : orders) {
            statusOf.put(order, Eventually.await(() -> api.get("/orders/" + order).json().path("status").asText(),
                    status -> List.of("PENDING", "CONFIRMED", "CANCELLED").contains(status), Duration.ofSeconds(60),
                    "order " + order + " never checked out, or checked out to the end"));
        }
        for (String product : products) {
            long committed = orders.stream().filter(o -> product.equals(productOf.get(o)))
                    .filter(o -> "CONFIRMED".equals(statusOf.get(o))).mapToLong(quantityOf::get).sum();
            JsonNode stock = Eventually.await(() -> api.get("/products/" + product).json().path("stock"),
                    s -> s.path("reserved").asLong() == 0 && s.path("committed").asLong() == committed,
                    Duration.ofSeconds(60), "stock of " + product + " settled with " + committed + " committed");
            assertThat(stock.path("on_hand").asLong()).as("on hand = committed + available + reserved")
                    .isEqualTo(stock.path("committed").asLong() + stock.path("available").asLong()
                            + stock.path("reserved").asLong());
            assertThat(stock.path("available").asLong()).isGreaterThanOrEqualTo(0);
        }
        Thread.sleep(2_000); // a late answer in flight across the restart reaches its refund
        for (String order : orders) {
            long approved = provider.approvedAuthorizations(order);
            assertThat(approved).as("authorizations of %s", order).isLessThanOrEqualTo(1);
            if ("CONFIRMED".equals(statusOf.get(order))) {
                assertThat(approved).as("the confirmed order %s was paid", order).isEqualTo(1);
                assertThat(provider.refunds(order)).isZero();
            } else {
                long kept = Eventually.await(() -> provider.approvedAuthorizations(order) - provider.refunds(order),
                        k -> k == 0, Duration.ofSeconds(30), "no money kept for the cancelled order " + order);
                assertThat(kept).isZero();
            }
        }
        System.out.println("after restart: " + statusOf.values().stream()
                .collect(java.util.stream.Collectors.groupingBy(status -> status, java.util.stream.Collectors.counting()))
                + " (" + settled.size() + " acknowledged)");
    }

    private static String product(Api api, String name, int stock) {
        Reply created = api.post("/products",
                "{\"product\":{\"name\":\"" + name + "\",\"price_cents\":1000,\"category_id\":\"crash\"}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("product_id");
        assertThat(api.post("/products/" + id + "/receive_stock", "{\"stock\":{\"quantity\":" + stock + "}}").status())
                .isEqualTo(200);
        return id;
    }
}
