package org.orderflow.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.orderflow.it.support.Eventually;
import org.orderflow.it.support.ExternalSystems;
import org.orderflow.it.support.LocalCluster;
import org.orderflow.it.support.OwnServer;
import org.orderflow.it.support.WebhookStub;

/**
 * Three servers of the same WAR and server.xml on one PostgreSQL database and one external Artemis
 * broker (jms.provider=artemis), the read models split into four segments each. Clients spread
 * commands over all three while a server is killed with SIGKILL and later started again, and while
 * the broker is killed and started again. Checked in the database and at the webhook stub: every
 * acknowledged command's events are stored; each consumer's inbox holds every published event once;
 * each stream reached the webhook in order; every read model row equals the replay of its stream;
 * the dead server's publishing and projection segments were taken over (the time it took is printed).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String DATABASE = "orderflow_cluster";
    private static final int[] PORTS = {9481, 9491, 9501};
    private static final int BROKER_PORT = 61626;
    private static final Duration TAKEOVER_TARGET = Duration.ofSeconds(10);
    private static final Pattern ORDER_ID = Pattern.compile("\"order_id\":\"([0-9a-f-]{36})\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private static final Set<String> ACKNOWLEDGED = ConcurrentHashMap.newKeySet();
    private static LocalCluster cluster;
    private static List<OwnServer> servers;

    @BeforeAll
    static void startTheCluster() throws Exception {
        cluster = LocalCluster.create("orderflow-cluster", PORTS, DATABASE, BROKER_PORT, Map.of(
                "orderflow.projections.poll-interval-ms", "100",
                "orderflow.webhook.url", "http://127.0.0.1:" + System.getProperty("it.webhook.port") + "/hooks/orderflow",
                "orderflow.webhook.event-types", "*"));
        servers = cluster.servers();
        ExternalSystems.webhook(); // the consumer's endpoint must be up
        cluster.start(servers.size());
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        cluster.stop();
    }

    @Test
    @Order(1)
    void a_server_killed_mid_load_is_taken_over_and_nothing_acknowledged_is_lost_or_doubled() throws Exception {
        // given clients sending commands to all three servers
        String victimName;
        try (Load load = new Load()) {
            Eventually.await(load.served::size, n -> n == servers.size(), Duration.ofSeconds(60), "every server serving commands");
            Eventually.await(ACKNOWLEDGED::size, n -> n >= 150, Duration.ofSeconds(120), "150 acknowledged orders");

            // when the server that published last and applied some projection segments last (not the first, the token
            // issuer) is killed
            String publisher = Eventually.await(unchecked(ClusterIT::lastPublisher),
                    p -> p != null && !p.equals("cluster-1") && !unchecked(() -> segmentsOwnedBy(p)).get().isEmpty(),
                    Duration.ofSeconds(60), "cluster-2 or cluster-3 the last to publish and owning segments");
            victimName = publisher;
            OwnServer victim = cluster.named(publisher);
            List<String> victimSegments = segmentsOwnedBy(publisher);
            Instant killedAt = Instant.now();
            victim.kill();
            System.out.println("kill -9 " + publisher + " after " + ACKNOWLEDGED.size() + " acknowledged orders; it owned "
                    + victimSegments);

            // then another server publishes and applies its segments within seconds, while the load goes on
            Duration publishing = Eventually.await(unchecked(() -> publishingTakenOver(publisher, killedAt)), d -> d != null,
                    Duration.ofSeconds(30), "publishing by another server");
            Duration segments = Eventually.await(unchecked(() -> segmentsTakenOver(victimSegments, publisher, killedAt)), d -> d != null,
                    Duration.ofSeconds(30), "the dead server's segments applied by the others");
            System.out.printf("takeover after kill -9 of %s: publishing %d ms, its %d projection segments %d ms%n", publisher,
                    publishing.toMillis(), victimSegments.size(), segments.toMillis());
            assertThat(publishing).isLessThanOrEqualTo(TAKEOVER_TARGET);
            assertThat(segments).isLessThanOrEqualTo(TAKEOVER_TARGET);
            int before = ACKNOWLEDGED.size();
            Eventually.await(ACKNOWLEDGED::size, n -> n >= before + 50, Duration.ofSeconds(60), "commands accepted by the others");
        }
        // and when it is started again (while the others drain), it takes part
        CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> {
            try {
                cluster.named(victimName).start();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        assertEverythingStoredDeliveredOnceInOrderAndProjected();
        restart.get();
        try (Load load = new Load()) {
            Eventually.await(load.served::size, n -> n == servers.size(), Duration.ofSeconds(60), "every server serving again");
        }
    }

    @Test
    @Order(2)
    void the_broker_killed_mid_load_commands_are_still_accepted_and_publishing_catches_up_once_it_is_back() throws Exception {
        try (Load load = new Load()) {
            int atStart = ACKNOWLEDGED.size();
            Eventually.await(ACKNOWLEDGED::size, n -> n >= atStart + 30, Duration.ofSeconds(60), "commands under load");

            // when the broker dies
            cluster.broker().kill();
            int atKill = ACKNOWLEDGED.size();

            // then commands are still accepted
            Eventually.await(ACKNOWLEDGED::size, n -> n >= atKill + 50, Duration.ofSeconds(60), "commands accepted without a broker");
            // and publishing backs off: one failure streak for the publisher, whichever server's round failed, its
            // pause doubling from the streak's count (500 ms initially, the default)
            int[] streak = Eventually.await(unchecked(ClusterIT::publisherStreak), s -> s[0] >= 4, Duration.ofSeconds(60),
                    "publishing rounds failing in a row while the broker is down");
            System.out.println("without a broker: " + (ACKNOWLEDGED.size() - atKill) + " orders acknowledged; "
                    + streak[0] + " failures in a row, next pause " + streak[1] + " ms\n" + outboxState());
            assertThat(streak[1]).as("the pause after %d failures", streak[0]).isEqualTo((int) Math.min(500L << (streak[0] - 1), 30_000));
            for (OwnServer server : servers) {
                assertThat(get(server, "/ops/outbox")).as(server.api()).contains("\"state\":\"backing-off\"");
            }

            // and when it is back, the backlog goes out
            cluster.broker().start();
            int atRestart = ACKNOWLEDGED.size();
            Eventually.await(ACKNOWLEDGED::size, n -> n >= atRestart + 30, Duration.ofSeconds(60), "commands after the broker's restart");
        }
        assertEverythingStoredDeliveredOnceInOrderAndProjected();
    }

    /** Waits until publishing, both consumers and the projections have drained, then checks the whole history. */
    private static void assertEverythingStoredDeliveredOnceInOrderAndProjected() throws Exception {
        long events = count("SELECT count(*) FROM events");
        long notified = count("SELECT count(*) FROM events WHERE event_type IN ('OrderConfirmed', 'OrderCancelled')");
        Eventually.await(unchecked(() -> count("SELECT count(*) FROM consumer_inbox WHERE consumer = 'webhook'")), n -> n >= events,
                Duration.ofSeconds(180), "every stored event in the webhook consumer's inbox");
        Eventually.await(unchecked(() -> count("SELECT count(*) FROM consumer_inbox WHERE consumer = 'notifications'")), n -> n >= notified,
                Duration.ofSeconds(60), "every confirmation in the notification consumer's inbox");
        Eventually.await(unchecked(ClusterIT::projectionLag), lag -> lag == 0, Duration.ofSeconds(60), "every projection segment at the head");

        // every acknowledged command's events are stored
        Set<String> storedOrders = strings("SELECT DISTINCT stream_id FROM events WHERE stream_type = 'Order'");
        assertThat(storedOrders).containsAll(ACKNOWLEDGED);

        // each consumer took every event exactly once in effect
        assertThat(count("SELECT count(*) FROM consumer_inbox WHERE consumer = 'webhook'")).isEqualTo(events);
        assertThat(count("SELECT count(*) FROM consumer_inbox WHERE consumer = 'notifications'")).isEqualTo(notified);
        assertThat(strings("SELECT event_id::text FROM consumer_inbox WHERE consumer = 'webhook'"))
                .isEqualTo(strings("SELECT event_id::text FROM events"));

        // each stream reached the webhook in order (first arrivals; a repeat after a crash is absorbed by its key)
        WebhookStub webhook = ExternalSystems.webhook();
        Set<String> seen = new HashSet<>();
        long repeats = 0;
        for (String order : ACKNOWLEDGED) {
            List<Long> firstArrivals = new ArrayList<>();
            for (WebhookStub.Call call : webhook.acceptedFor(order)) {
                if (seen.add(call.idempotencyKey())) {
                    firstArrivals.add(call.streamVersion());
                } else {
                    repeats++;
                }
            }
            assertThat(firstArrivals).as("order %s", order).isNotEmpty().isSorted().doesNotHaveDuplicates();
            assertThat(firstArrivals.get(0)).isEqualTo(1L);
        }

        // every read model row equals the replay of its stream
        Map<String, Long> versions = new HashMap<>();
        try (Connection c = servers.get(0).database(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT stream_id, max(stream_version) FROM events WHERE stream_type = 'Order' GROUP BY stream_id")) {
            while (rs.next()) {
                versions.put(rs.getString(1), rs.getLong(2));
            }
        }
        assertThat(count("SELECT count(*) FROM order_details")).isEqualTo(versions.size());
        assertThat(count("SELECT count(*) FROM order_summaries")).isEqualTo(versions.size());
        try (Connection c = servers.get(0).database();
             PreparedStatement details = c.prepareStatement("SELECT version FROM order_details WHERE order_id = ?::uuid");
             PreparedStatement summaries = c.prepareStatement("SELECT version FROM order_summaries WHERE order_id = ?::uuid")) {
            for (Map.Entry<String, Long> stream : versions.entrySet()) {
                assertThat(version(details, stream.getKey())).as("details of %s", stream.getKey()).isEqualTo(stream.getValue());
                assertThat(version(summaries, stream.getKey())).as("summary of %s", stream.getKey()).isEqualTo(stream.getValue());
            }
        }
        int compared = 0;
        List<OwnServer> up = servers.stream().filter(OwnServer::ready).toList(); // one may be starting again
        for (String order : ACKNOWLEDGED) {
            if (compared++ % 10 == 0) { // the whole view of every tenth order, through the API: read model vs replay
                String projected = get(up.get(compared % up.size()), "/orders/" + order);
                String replayed = get(servers.get(0), "/orders/" + order + "?at_version=" + versions.get(order));
                assertThat(projected).as("order %s", order).isEqualTo(replayed);
            }
        }
        System.out.printf("%d events of %d orders: stored, in each consumer's inbox once, projected; %d webhook calls "
                + "repeated on the wire (absorbed by the Idempotency-Key)%n", events, ACKNOWLEDGED.size(), repeats);
    }

    /** Client threads sending create, add_item and (every fifth order) confirm, round robin over the servers. */
    private static final class Load implements AutoCloseable {

        final Set<Integer> served = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger next = new AtomicInteger();
        private final List<Thread> clients = new ArrayList<>();
        private final ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();

        Load() {
            for (int c = 0; c < 6; c++) {
                Thread client = new Thread(this::sendUntilStopped, "cluster-client-" + c);
                clients.add(client);
                client.start();
            }
        }

        private void sendUntilStopped() {
            while (running.get()) {
                int target = Math.floorMod(next.getAndIncrement(), servers.size());
                OwnServer server = servers.get(target);
                try {
                    String order = create(server);
                    ACKNOWLEDGED.add(order);
                    served.add(target);
                    post(server, "/orders/" + order + "/add_item",
                            "{\"order_item\":{\"product_name\":\"x\",\"quantity\":1,\"unit_price_cents\":5}}");
                    if (order.hashCode() % 5 == 0) {
                        post(server, "/orders/" + order + "/confirm", "");
                    }
                } catch (IOException | RuntimeException unavailable) {
                    refused.add(unavailable.toString()); // a dead server: the next request goes to another
                    pause(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread client : clients) {
                client.join(15_000);
            }
            System.out.println("load stopped: " + ACKNOWLEDGED.size() + " orders acknowledged in all, " + refused.size()
                    + " requests to an unreachable server");
        }
    }

    private static String create(OwnServer server) throws IOException, InterruptedException {
        HttpResponse<String> response = post(server, "/orders", "{\"order\":{\"customer_name\":\"cluster\",\"customer_id\":\"cluster\"}}");
        Matcher id = ORDER_ID.matcher(response.body());
        if (response.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("create answered " + response.statusCode() + " " + response.body());
        }
        return id.group(1);
    }

    private static HttpResponse<String> post(OwnServer server, String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.api() + path)).timeout(Duration.ofSeconds(10))
                        .header("Authorization", authorization()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String get(OwnServer server, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.api() + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", authorization()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s on %s: %s", path, server.api(), response.body()).isEqualTo(200);
        return response.body();
    }

    /** A token of the first server's development issuer, which every server of the cluster trusts. */
    private static String authorization() {
        return cluster.authorization();
    }

    /** The publisher's failures in a row and the pause they earned (ms), as every server reads them; [0, 0] while healthy. */
    private static int[] publisherStreak() throws SQLException {
        try (Connection c = servers.get(0).database(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT failures, COALESCE(EXTRACT(EPOCH FROM (retry_at - last_failed_at)) * 1000, 0)::int
                       FROM outbox_publishers""")) {
            return rs.next() ? new int[] {rs.getInt(1), rs.getInt(2)} : new int[] {0, 0};
        }
    }

    /** Every server's view of the publisher. */
    private static String outboxState() {
        StringBuilder states = new StringBuilder();
        for (OwnServer server : servers) {
            try {
                states.append(server.api()).append(": ").append(get(server, "/ops/outbox")).append('\n');
            } catch (IOException | AssertionError unreachable) {
                states.append(server.api()).append(": ").append(unreachable).append('\n');
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return states.toString();
    }

    private static String lastPublisher() throws SQLException {
        Set<String> owners = strings("SELECT owner FROM outbox_publishers");
        return owners.stream().findFirst().orElse(null);
    }

    private static List<String> segmentsOwnedBy(String node) throws SQLException {
        try (Connection c = servers.get(0).database();
             PreparedStatement s = c.prepareStatement("SELECT projector FROM projection_checkpoints WHERE owner = ? ORDER BY 1")) {
            s.setString(1, node);
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        }
    }

    /** How long after the kill another server published; null while none has. */
    private static Duration publishingTakenOver(String dead, Instant killedAt) throws SQLException {
        try (Connection c = servers.get(0).database(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT owner, last_published_at FROM outbox_publishers")) {
            if (rs.next() && !dead.equals(rs.getString(1)) && rs.getTimestamp(2).toInstant().isAfter(killedAt)) {
                return Duration.between(killedAt, rs.getTimestamp(2).toInstant());
            }
            return null;
        }
    }

    /** How long after the kill the last of the dead server's segments was applied by another; null while one is not. */
    private static Duration segmentsTakenOver(List<String> keys, String dead, Instant killedAt) throws SQLException {
        Duration longest = Duration.ZERO;
        try (Connection c = servers.get(0).database();
             PreparedStatement s = c.prepareStatement("SELECT owner, last_processed_at FROM projection_checkpoints WHERE projector = ?")) {
            for (String key : keys) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    Timestamp at = rs.getTimestamp(2);
                    if (dead.equals(rs.getString(1)) || !at.toInstant().isAfter(killedAt)) {
                        return null;
                    }
                    Duration took = Duration.between(killedAt, at.toInstant());
                    longest = took.compareTo(longest) > 0 ? took : longest;
                }
            }
        }
        return longest;
    }

    private static long projectionLag() throws SQLException {
        // events after the slowest checkpoint of any projector or segment
        return count("""
                SELECT count(*) FROM events e
                 WHERE (e.transaction_id, e.position) > (SELECT CAST(CAST(transaction_id AS text) AS xid8), position
                                                           FROM projection_checkpoints ORDER BY transaction_id, position LIMIT 1)""");
    }

    private static long version(PreparedStatement query, String orderId) throws SQLException {
        query.setString(1, orderId);
        try (ResultSet rs = query.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = servers.get(0).database(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Set<String> strings(String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Connection c = servers.get(0).database(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** A probe that may throw (a query): a failure fails the wait. */
    private interface Probe<T> {
        T get() throws Exception;
    }

    private static <T> Supplier<T> unchecked(Probe<T> probe) {
        return () -> {
            try {
                return probe.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
