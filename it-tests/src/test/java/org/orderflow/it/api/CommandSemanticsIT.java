package org.orderflow.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orderflow.it.support.Api;
import org.orderflow.it.support.Api.Reply;
import org.orderflow.it.support.Deployments;
import org.orderflow.it.support.EventsTable;

/**
 * What every command shares: versions and If-Match, idempotent retries, concurrent writers on
 * one order, and the metadata that lands in the stored envelopes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CommandSemanticsIT {

    private static final String ITEM = "{\"order_item\":{\"product_name\":\"item\",\"quantity\":1,\"unit_price_cents\":100}}";
    private static final String NEW_ORDER = "{\"order\":{\"customer_name\":\"Grace\"}}";
    private final Api api = Api.client();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.orderflowWar();
    }

    private String createOrder() {
        return api.post("/orders", NEW_ORDER).text("order_id");
    }

    @Test
    void if_match_with_the_current_version_succeeds_and_a_stale_one_is_409_without_retry() {
        String id = createOrder();

        Reply fresh = api.with("If-Match", "\"1\"").post("/orders/" + id + "/add_item", ITEM);
        Reply stale = api.with("If-Match", "\"1\"").post("/orders/" + id + "/add_item", ITEM);

        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.header("ETag")).isEqualTo("\"2\"");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.text("type")).isEqualTo("/problems/version-conflict");
        assertThat(stale.number("expected_version")).isEqualTo(1);
        assertThat(stale.number("actual_version")).isEqualTo(2);
        assertThat(api.get("/orders/" + id).number("item_count")).isEqualTo(1);
    }

    @Test
    void a_malformed_if_match_is_400() {
        Reply reply = api.with("If-Match", "yesterday").post("/orders/" + createOrder() + "/confirm");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("detail")).contains("If-Match");
    }

    @Test
    void a_retried_post_with_the_same_idempotency_key_returns_the_first_result_without_appending() {
        String tenant = "idem" + UUID.randomUUID().toString().substring(0, 8);
        Api client = api.asTenant(tenant).with("Idempotency-Key", UUID.randomUUID().toString());

        Reply first = client.post("/orders", NEW_ORDER);
        Reply retry = client.post("/orders", NEW_ORDER);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.text("order_id")).isEqualTo(first.text("order_id"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(EventsTable.countInTenant(tenant)).isEqualTo(1);

        String id = first.text("order_id");
        Api addOnce = api.asTenant(tenant).with("Idempotency-Key", UUID.randomUUID().toString());
        Reply added = addOnce.post("/orders/" + id + "/add_item", ITEM);
        Reply addedAgain = addOnce.post("/orders/" + id + "/add_item", ITEM);
        assertThat(addedAgain.text("line_id")).isEqualTo(added.text("line_id"));
        assertThat(addedAgain.number("version")).isEqualTo(2);
        assertThat(api.asTenant(tenant).get("/orders/" + id).number("item_count")).isEqualTo(1);
    }

    @Test
    void the_same_idempotency_key_with_a_different_request_is_refused() {
        Api client = api.with("Idempotency-Key", UUID.randomUUID().toString());
        client.post("/orders", NEW_ORDER);

        Reply other = client.post("/orders", "{\"order\":{\"customer_name\":\"someone else\"}}");

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.text("code")).isEqualTo("idempotency_key_reused");
    }

    @Test
    void concurrent_retries_with_one_idempotency_key_create_exactly_one_order() throws Exception {
        String tenant = "race" + UUID.randomUUID().toString().substring(0, 8);
        Api client = api.asTenant(tenant).with("Idempotency-Key", "same-key");
        List<Reply> replies = concurrently(6, () -> client.post("/orders", NEW_ORDER));

        assertThat(replies).extracting(Reply::status).containsOnly(201);
        assertThat(new HashSet<>(replies.stream().map(r -> r.text("order_id")).toList())).hasSize(1);
        assertThat(EventsTable.countInTenant(tenant)).isEqualTo(1);
    }

    @Test
    void concurrent_retries_of_a_confirm_with_one_key_all_answer_the_first_result() throws Exception {
        String id = createOrder();
        assertThat(api.post("/orders/" + id + "/add_item", ITEM).status()).isEqualTo(200);
        Api client = api.with("Idempotency-Key", "confirm-" + UUID.randomUUID());

        List<Reply> replies = concurrently(6, () -> client.post("/orders/" + id + "/confirm"));

        // the key is held before the stream: a twin waits for the first and replays its answer
        // (deciding again on the confirmed order would refuse it with 422)
        assertThat(replies).extracting(Reply::status).containsOnly(200);
        assertThat(replies).extracting(r -> r.number("version")).containsOnly(3L);
        assertThat(replies.stream().filter(r -> "true".equals(r.header("Idempotent-Replayed"))).count()).isEqualTo(5);
    }

    @Test
    void concurrent_commands_on_one_order_without_if_match_all_succeed_and_lose_no_update() throws Exception {
        String id = createOrder();

        List<Reply> replies = concurrently(30, () -> api.post("/orders/" + id + "/add_item", ITEM));

        assertThat(replies).extracting(Reply::status).as("no client that did not pin a version sees a conflict")
                .containsOnly(200);
        assertThat(new HashSet<>(replies.stream().map(r -> r.number("version")).toList()))
                .as("every command got its own version").hasSize(30);
        Reply order = api.get("/orders/" + id);
        assertThat(order.number("item_count")).as("every acknowledged add is in the order").isEqualTo(30);
        assertThat(order.number("version")).isEqualTo(31);
    }

    @Test
    void command_metadata_lands_in_every_stored_envelope() {
        Api client = api.with("X-Correlation-ID", "corr-" + UUID.randomUUID()).asTenant("meta")
                .asUser("alice");
        String id = client.post("/orders", NEW_ORDER).text("order_id");
        client.post("/orders/" + id + "/add_item", ITEM);

        List<Map<String, String>> rows = EventsTable.stream(id);

        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(r -> r.get("event_type")).containsExactly("OrderCreated", "ItemAdded");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("tenant_id")).isEqualTo("meta");
            assertThat(row.get("stream_type")).isEqualTo("Order");
            assertThat(row.get("correlation_id")).startsWith("corr-");
            assertThat(row.get("user_id")).isEqualTo("alice");
            assertThat(row.get("source")).isEqualTo("orderflow-api");
            assertThat(row.get("causation_id")).matches("[0-9a-f-]{36}");
        });
        assertThat(rows).extracting(r -> r.get("schema_version")).as("current schema versions").containsExactly("1", "2");
        assertThat(rows.get(0).get("causation_id")).as("each command is its own cause")
                .isNotEqualTo(rows.get(1).get("causation_id"));
    }

    private static List<Reply> concurrently(int n, java.util.concurrent.Callable<Reply> request) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> future : futures) {
                replies.add(future.get(2, TimeUnit.MINUTES));
            }
            return replies;
        } finally {
            executor.shutdownNow();
        }
    }
}
