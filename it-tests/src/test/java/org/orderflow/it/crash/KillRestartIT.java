package org.orderflow.it.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.orderflow.it.support.Eventually;
import org.orderflow.it.support.ExternalSystems;
import org.orderflow.it.support.Metrics;
import org.orderflow.it.support.OwnServer;
import org.orderflow.it.support.WebhookStub;

/**
 * The broker refusing messages, and the service killed with SIGKILL while it accepts commands and
 * publishes, then started again.
 * A server of its own (orderflow-crash, own ports, own database, own message store) in the
 * test Liberty installation, so the Arquillian server is not disturbed. Measured at the webhook
 * stub: every event of every acknowledged command arrives, each stream in order, and the
 * consumer's inbox holds each event exactly once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KillRestartIT {

    private static final String SERVER = "orderflow-crash";
    private static final int HTTP_PORT = 9281;
    private static final String API = "http://127.0.0.1:" + HTTP_PORT + "/orderflow/api";
    private static final String DATABASE = "orderflow_crash";
    private static final Pattern ORDER_ID = Pattern.compile("\"order_id\":\"([0-9a-f-]{36})\"");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static OwnServer server;

    @BeforeAll
    static void createServer() throws Exception {
        server = OwnServer.create(SERVER, HTTP_PORT, DATABASE, Map.of(
                "orderflow.webhook.url", "http://127.0.0.1:" + System.getProperty("it.webhook.port") + "/hooks/orderflow",
                "orderflow.webhook.event-types", "*"));
        ExternalSystems.webhook(); // the consumer's endpoint must be up
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.stop();
    }

    @Test
    @Order(1)
    void while_the_broker_refuses_messages_commands_are_accepted_and_the_backlog_goes_out_in_order_once_it_is_back()
            throws Exception {
        server.start();
        // the topic space stops accepting messages: a dynamic configuration update, as an operator would make it
        server.updateConfiguration("broker-down.xml", """
                <server><messagingEngine id="defaultME"><topicSpace id="orderflow.events" sendAllowed="false"/></messagingEngine></server>
                """);
        List<String> orders = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                String order = create();
                addItem(order);
                orders.add(order);
            }
            // the publisher has tried since (the server's log had no event before these orders) and backs off
            String status = Eventually.await(KillRestartIT::outboxStatus, text -> text.contains("\"state\":\"backing-off\""),
                    Duration.ofSeconds(30), "the publisher backing off");
            assertThat(status).contains("send disallowed");
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains("outbox-publisher", "backing-off");
            assertThat(Metrics.read(HTTP_PORT + 362, server.authorization(), "scope=application").body())
                    .containsPattern("orderflow_outbox_failures_total\\S* [1-9]");
            for (String order : orders) {
                assertThat(ExternalSystems.webhook().callsFor(order)).as("nothing reached the consumers").isEmpty();
            }
        } finally {
            server.updateConfiguration("broker-down.xml", null);
        }

        WebhookStub webhook = ExternalSystems.webhook();
        Eventually.await(() -> orders.stream().allMatch(o -> webhook.acceptedFor(o).size() >= 2), done -> done,
                Duration.ofSeconds(60), "the backlog delivered to the webhook");
        for (String order : orders) {
            assertThat(webhook.acceptedFor(order)).extracting(WebhookStub.Call::streamVersion).as("order %s", order)
                    .containsExactly(1L, 2L);
        }
        assertThat(get("/ops/outbox")).contains("\"state\":\"publishing\"", "\"pending_events\":0");
    }

    @Test
    @Order(2)
    void killed_while_accepting_and_publishing_then_restarted_nothing_acknowledged_is_lost_or_doubled() throws Exception {
        server.start();
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            Thread client = new Thread(() -> {
                while (running.get()) {
                    try {
                        String order = create();
                        acknowledged.add(order);
                        addItem(order);
                    } catch (IOException | RuntimeException e) {
                        return; // the server is gone
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
            clients.add(client);
            client.start();
        }
        Eventually.await(acknowledged::size, n -> n >= 150, Duration.ofSeconds(90), "150 acknowledged orders");
        String before = get("/ops/outbox");
        server.kill();
        running.set(false);
        for (Thread client : clients) {
            client.join(10_000);
        }
        System.out.println("kill -9 after " + acknowledged.size() + " acknowledged orders; outbox just before: " + before);

        server.start();

        long events = count("SELECT count(*) FROM events");
        Eventually.await(() -> countOrZero("SELECT count(*) FROM consumer_inbox WHERE consumer = 'webhook'"), n -> n >= events,
                Duration.ofSeconds(120), "every stored event in the webhook consumer's inbox");
        System.out.println("after restart: " + get("/ops/outbox"));

        // exactly once in effect: one inbox entry per stored event
        assertThat(count("SELECT count(*) FROM consumer_inbox WHERE consumer = 'webhook'")).isEqualTo(events);
        assertThat(count("SELECT count(*) FROM (SELECT event_id FROM consumer_inbox GROUP BY consumer, event_id HAVING count(*) > 1) d"))
                .isZero();
        // every acknowledged command's events reached the endpoint, each stream in order
        WebhookStub webhook = ExternalSystems.webhook();
        Set<String> storedIds = eventIds();
        Map<String, List<Long>> firstArrivals = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (String order : acknowledged) {
            for (WebhookStub.Call call : webhook.acceptedFor(order)) {
                if (seen.add(call.idempotencyKey())) {
                    firstArrivals.computeIfAbsent(order, k -> new ArrayList<>()).add(call.streamVersion());
                }
            }
        }
        for (String order : acknowledged) {
            List<Long> versions = firstArrivals.getOrDefault(order, List.of());
            assertThat(versions).as("order %s", order).isNotEmpty().isSorted();
            assertThat(versions.get(0)).isEqualTo(1L);
        }
        assertThat(seen).as("no call for an event that is not stored").isSubsetOf(storedIds);
        long duplicatesOnTheWire = acknowledged.stream().mapToLong(o -> webhook.acceptedFor(o).size()).sum() - seen.size();
        System.out.println("webhook calls repeated across the crash (absorbed by the receiver's Idempotency-Key): "
                + duplicatesOnTheWire);
    }

    private static String create() throws IOException, InterruptedException {
        HttpResponse<String> response = post("/orders", "{\"order\":{\"customer_name\":\"crash\",\"customer_id\":\"crash\"}}");
        Matcher id = ORDER_ID.matcher(response.body());
        if (response.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("create answered " + response.statusCode());
        }
        return id.group(1);
    }

    private static void addItem(String order) throws IOException, InterruptedException {
        post("/orders/" + order + "/add_item", "{\"order_item\":{\"product_name\":\"x\",\"quantity\":1,\"unit_price_cents\":5}}");
    }

    private static HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(API + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", server.authorization()).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(API + path)).timeout(Duration.ofSeconds(10))
                        .header("Authorization", server.authorization()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String outboxStatus() {
        try {
            return get("/ops/outbox");
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long countOrZero(String sql) {
        try {
            return count(sql);
        } catch (SQLException e) {
            return 0;
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = server.database(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Set<String> eventIds() throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection c = server.database(); PreparedStatement s = c.prepareStatement("SELECT event_id::text FROM events");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
