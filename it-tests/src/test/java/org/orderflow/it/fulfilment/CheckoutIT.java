package org.orderflow.it.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orderflow.it.support.Api;
import org.orderflow.it.support.Api.Reply;
import org.orderflow.it.support.Deployments;
import org.orderflow.it.support.Eventually;
import org.orderflow.it.support.ExternalSystems;
import org.orderflow.it.support.Metrics;
import org.orderflow.it.support.PaymentStub;

/**
 * The checkout process manager against the deployed WAR: stock, the payment provider (a stub in
 * this JVM that counts calls, see it-tests/pom.xml for the deadline and timeout), compensation.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CheckoutIT {

    private static final Duration SETTLES = Duration.ofSeconds(30);

    private final Api api = Api.client().asTenant("shop-" + UUID.randomUUID().toString().substring(0, 8))
            .withoutReadYourWrites();
    private final PaymentStub provider = ExternalSystems.payments();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.orderflowWar();
    }

    private String product(String name, long price, int stock) {
        Reply created = api.post("/products",
                "{\"product\":{\"name\":\"" + name + "\",\"price_cents\":" + price + ",\"category_id\":\"c\"}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("product_id");
        if (stock > 0) {
            Reply received = api.post("/products/" + id + "/receive_stock", "{\"stock\":{\"quantity\":" + stock + "}}");
            assertThat(received.status()).as(received.toString()).isEqualTo(200);
        }
        return id;
    }

    private String order() {
        Reply created = api.post("/orders", "{\"order\":{\"customer_name\":\"Ada\"}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("order_id");
    }

    private Reply add(String order, String product, int quantity) {
        return api.post("/orders/" + order + "/add_item",
                "{\"order_item\":{\"product_id\":\"" + product + "\",\"quantity\":" + quantity + "}}");
    }

    private String orderOf(String product, int quantity) {
        String order = order();
        Reply added = add(order, product, quantity);
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        return order;
    }

    private Reply checkout(String order) {
        return api.post("/orders/" + order + "/checkout");
    }

    private JsonNode settled(String order) {
        return Eventually.await(() -> api.get("/orders/" + order).json(),
                o -> List.of("CONFIRMED", "CANCELLED").contains(o.path("status").asText()), SETTLES,
                "order " + order + " confirmed or cancelled");
    }

    private JsonNode stock(String product) {
        return api.get("/products/" + product).json().path("stock");
    }

    private JsonNode stockWhen(String product, long reserved, long committed) {
        return Eventually.await(() -> stock(product),
                s -> s.path("reserved").asLong() == reserved && s.path("committed").asLong() == committed, SETTLES,
                "stock of " + product + " at reserved " + reserved + ", committed " + committed);
    }

    @Test
    void a_checkout_reserves_the_stock_takes_the_payment_confirms_and_commits_the_stock() {
        String keyboard = product("Keyboard", 4_999, 10);
        String order = orderOf(keyboard, 2);
        assertThat(api.post("/orders/" + order + "/add_item",
                "{\"order_item\":{\"product_name\":\"gift wrap\",\"quantity\":1,\"unit_price_cents\":300}}").status())
                .as("a line sold by name needs no stock").isEqualTo(200);

        Reply started = checkout(order);

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.header("Location")).endsWith("/orders/" + order);
        JsonNode confirmed = settled(order);
        assertThat(confirmed.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.path("total_cents").asLong()).isEqualTo(2 * 4_999 + 300);
        assertThat(confirmed.path("payment_id").asText()).isEqualTo("auth-" + order);
        JsonNode stock = stockWhen(keyboard, 0, 2);
        assertThat(stock.path("on_hand").asLong()).isEqualTo(10);
        assertThat(stock.path("available").asLong()).isEqualTo(8);
        assertThat(provider.approvedAuthorizations(order)).isEqualTo(1);
        assertThat(provider.refunds(order)).isZero();
        assertThat(api.get("/orders/" + order + "/history").json().findValuesAsText("event_type"))
                .containsSubsequence("CheckoutStarted", "InventoryReserved", "PaymentProcessed", "OrderConfirmed");
        JsonNode process = Eventually.await(() -> processOf(order), p -> "DONE".equals(p.path("state").asText()), SETTLES,
                "the checkout listed as done");
        assertThat(process.path("payment_attempts").asInt()).isEqualTo(1);
        String metrics = Metrics.body("scope=application");
        assertThat(metrics).containsPattern("orderflow_checkouts\\{[^}]*state=\"DONE\"[^}]*} [1-9]")
                .containsPattern("orderflow_checkouts_started\\S* [1-9]")
                .containsPattern("orderflow_checkout_payment_calls_seconds_count\\{[^}]*call=\"authorize\"[^}]*outcome=\"approved\"[^}]*} [1-9]");
    }

    @Test
    void a_catalogue_line_takes_the_products_name_and_current_price_and_refuses_another_price() {
        String mouse = product("Mouse", 2_500, 0);
        String order = order();

        Reply added = api.post("/orders/" + order + "/add_item", "{\"order_item\":{\"product_id\":\"" + mouse
                + "\",\"product_name\":\"cheap mouse\",\"quantity\":2,\"unit_price_cents\":2500}}");
        Reply otherPrice = api.post("/orders/" + order + "/add_item", "{\"order_item\":{\"product_id\":\"" + mouse
                + "\",\"quantity\":1,\"unit_price_cents\":1}}");
        Reply unknown = add(order, UUID.randomUUID().toString(), 1);
        Reply neither = api.post("/orders/" + order + "/add_item", "{\"order_item\":{\"quantity\":1}}");
        assertThat(api.delete("/products/" + mouse).status()).isEqualTo(200);
        Reply deleted = add(order, mouse, 1);

        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        JsonNode line = Eventually.await(() -> api.get("/orders/" + order).json().path("items"), items -> items.size() == 1,
                SETTLES, "the line projected").get(0);
        assertThat(line.path("product_name").asText()).isEqualTo("Mouse");
        assertThat(line.path("unit_price_cents").asLong()).isEqualTo(2_500);
        assertThat(otherPrice.status()).isEqualTo(422);
        assertThat(otherPrice.text("code")).isEqualTo("order.price_mismatch");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(neither.status()).isEqualTo(422);
        assertThat(neither.text("code")).isEqualTo("order.invalid_unit_price");
        assertThat(deleted.status()).isEqualTo(422);
        assertThat(deleted.text("code")).isEqualTo("product.deleted");
    }

    @Test
    void out_of_stock_cancels_naming_the_product_and_releases_every_other_reservation() {
        String plenty = product("Plenty", 1_000, 5);
        String scarce = product("Scarce", 1_000, 1);
        String order = orderOf(plenty, 2);
        assertThat(add(order, scarce, 3).status()).isEqualTo(200);

        assertThat(checkout(order).status()).isEqualTo(202);

        JsonNode cancelled = settled(order);
        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("cancellation_code").asText()).isEqualTo("out_of_stock");
        assertThat(cancelled.path("cancellation_product_id").asText()).isEqualTo(scarce);
        assertThat(cancelled.path("cancellation_reason").asText()).contains(scarce).contains("1 of 3");
        assertThat(stockWhen(plenty, 0, 0).path("available").asLong()).isEqualTo(5);
        assertThat(stockWhen(scarce, 0, 0).path("available").asLong()).isEqualTo(1);
        assertThat(provider.authorizeCalls(order)).as("no payment asked for").isZero();
    }

    @Test
    void a_declined_payment_releases_the_stock_and_cancels() {
        String keyboard = product("Keyboard", 4_999, 3);
        String order = orderOf(keyboard, 3);
        provider.decline(order);

        assertThat(checkout(order).status()).isEqualTo(202);

        JsonNode cancelled = settled(order);
        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("cancellation_code").asText()).isEqualTo("payment_declined");
        assertThat(stockWhen(keyboard, 0, 0).path("available").asLong()).isEqualTo(3);
        assertThat(provider.approvedAuthorizations(order)).isZero();
        assertThat(Eventually.await(() -> processOf(order), p -> "FAILED".equals(p.path("state").asText()), SETTLES,
                "the checkout listed as failed").path("reason_code").asText()).isEqualTo("payment_declined");
        assertThat(Metrics.body("scope=application"))
                .containsPattern("orderflow_checkouts_cancelled\\{[^}]*reason=\"payment_declined\"[^}]*} [1-9]");
    }

    @Test
    void provider_errors_are_retried_under_the_same_key_and_the_checkout_then_confirms() {
        String keyboard = product("Keyboard", 4_999, 2);
        String order = orderOf(keyboard, 1);
        provider.failTimes(order, 2);

        assertThat(checkout(order).status()).isEqualTo(202);

        assertThat(settled(order).path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(provider.authorizeCalls(order)).isEqualTo(3);
        assertThat(provider.approvedAuthorizations(order)).isEqualTo(1);
        assertThat(Eventually.await(() -> processOf(order), p -> "DONE".equals(p.path("state").asText()), SETTLES,
                "the checkout done").path("payment_attempts").asInt()).isEqualTo(3);
    }

    @Test
    void a_provider_that_keeps_failing_is_given_up_after_the_last_attempt_and_the_stock_released() {
        String keyboard = product("Keyboard", 4_999, 2);
        String order = orderOf(keyboard, 2);
        provider.failTimes(order, 100);

        assertThat(checkout(order).status()).isEqualTo(202);

        JsonNode cancelled = settled(order);
        assertThat(cancelled.path("cancellation_code").asText()).isEqualTo("payment_failed");
        assertThat(provider.authorizeCalls(order)).as("the configured 3 attempts").isEqualTo(3);
        assertThat(stockWhen(keyboard, 0, 0).path("available").asLong()).isEqualTo(2);
    }

    @Test
    void a_provider_that_does_not_answer_before_the_deadline_is_compensated_by_the_timer() {
        String keyboard = product("Keyboard", 4_999, 2);
        String order = orderOf(keyboard, 1);
        provider.answerLate(order, Duration.ofSeconds(60));

        assertThat(checkout(order).status()).isEqualTo(202);

        JsonNode cancelled = settled(order);
        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("cancellation_code").asText()).isEqualTo("payment_timeout");
        assertThat(stockWhen(keyboard, 0, 0).path("available").asLong()).isEqualTo(2);
    }

    @Test
    void an_approval_that_arrives_after_the_deadline_is_refunded() {
        String keyboard = product("Keyboard", 4_999, 2);
        String order = orderOf(keyboard, 1);
        provider.answerLate(order, Duration.ofSeconds(7)); // after the 5 s deadline, within the 8 s call timeout

        assertThat(checkout(order).status()).isEqualTo(202);

        assertThat(settled(order).path("cancellation_code").asText()).isEqualTo("payment_timeout");
        Eventually.await(() -> provider.refunds(order), refunds -> refunds == 1, SETTLES, "the late approval refunded");
        assertThat(provider.approvedAuthorizations(order)).isEqualTo(1);
        assertThat(Eventually.await(() -> processOf(order), p -> "FAILED".equals(p.path("state").asText()), SETTLES,
                "the checkout undone").path("step").asText()).contains("refunded");
        assertThat(stockWhen(keyboard, 0, 0).path("available").asLong()).isEqualTo(2);
    }

    @Test
    void while_a_checkout_runs_the_clients_own_steps_are_refused_and_an_operator_can_abort_it() {
        String keyboard = product("Keyboard", 4_999, 2);
        String order = orderOf(keyboard, 1);
        provider.answerLate(order, Duration.ofSeconds(3));
        assertThat(checkout(order).status()).isEqualTo(202);

        Reply confirm = api.post("/orders/" + order + "/confirm");
        Reply again = checkout(order);
        Reply aborted = api.post("/ops/processes/" + order + "/abort", "{\"abort\":{\"reason\":\"customer called\"}}");

        assertThat(confirm.status()).isEqualTo(422);
        assertThat(confirm.text("code")).isEqualTo("order.checkout_running");
        assertThat(again.text("code")).isEqualTo("order.checkout_running");
        assertThat(aborted.status()).as(aborted.toString()).isEqualTo(200);
        JsonNode cancelled = settled(order);
        assertThat(cancelled.path("cancellation_code").asText()).isEqualTo("aborted");
        assertThat(stockWhen(keyboard, 0, 0).path("available").asLong()).isEqualTo(2);
        // the abort may come before the authorization call or while it is in flight (answered 3 s late):
        // either nothing was taken, or what was taken is refunded
        Eventually.await(() -> processOf(order), p -> "FAILED".equals(p.path("state").asText()), SETTLES,
                "the checkout undone");
        try {
            Thread.sleep(4_000); // past the stub's late answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Eventually.await(() -> provider.approvedAuthorizations(order) - provider.refunds(order), kept -> kept == 0,
                SETTLES, "no money kept for the aborted checkout");
    }

    @Test
    void twenty_checkouts_competing_for_five_units_confirm_exactly_five_and_never_oversell() throws Exception {
        String scarce = product("Limited edition", 10_000, 5);
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orders.add(orderOf(scarce, 1));
        }
        ConcurrentLinkedQueue<Long> availableSeen = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(21);
        Future<?> watcher = pool.submit(() -> {
            while (running.get()) {
                availableSeen.add(stock(scarce).path("available").asLong());
                Thread.sleep(20); // sampling, not a load of its own on the two cores
            }
            return null;
        });
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> started = new ArrayList<>();
        for (String order : orders) {
            started.add(pool.submit(() -> {
                go.await();
                return checkout(order).status();
            }));
        }
        go.countDown();
        for (Future<Integer> status : started) {
            assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(202);
        }

        Map<String, Long> outcomes = orders.stream().map(this::settled)
                .collect(Collectors.groupingBy(o -> o.path("status").asText() + "/" + o.path("cancellation_code").asText(""),
                        Collectors.counting()));
        running.set(false);
        watcher.get(10, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of("CONFIRMED/", 5L, "CANCELLED/out_of_stock", 15L));
        JsonNode stock = stockWhen(scarce, 0, 5);
        assertThat(stock.path("available").asLong()).isZero();
        assertThat(stock.path("on_hand").asLong()).isEqualTo(5);
        assertThat(availableSeen).as("available stock seen while the checkouts ran").isNotEmpty().allMatch(a -> a >= 0);
        assertThat(orders).allMatch(order -> provider.approvedAuthorizations(order) <= 1);
    }

    private JsonNode processOf(String order) {
        for (JsonNode process : api.get("/ops/processes?limit=1000").json()) {
            if (order.equals(process.path("order_id").asText())) {
                return process;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
