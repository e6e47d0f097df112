package org.orderflow.it.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.orderflow.it.support.ExternalSystems;
import org.orderflow.it.support.LocalCluster;
import org.orderflow.it.support.OwnServer;

/**
 * Several servers (README, Running several servers) on this machine: commands/s and the webhook
 * consumer's events/s with one server and with three (Artemis, read models in 4 segments), and the
 * publisher's rate while it drains a backlog left by a broker outage. All of it shares the machine's
 * two cores with PostgreSQL, the broker and the clients, so more servers cannot mean more CPU here;
 * the figures show what the coordination costs and where the next limit would be.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterBenchmark {

    private static final int CLIENTS = 8;
    /** Freshly started servers compile for a minute or so (C1 only, 2 cores shared by all). */
    private static final Duration WARM_UP = Duration.ofSeconds(60);
    private static final Duration RUN = Duration.ofSeconds(20);
    private static final int[] PORTS = {9581, 9591, 9601};
    private static LocalCluster cluster;

    @BeforeAll
    static void cluster() throws Exception {
        cluster = LocalCluster.create("orderflow-bench-cluster", PORTS, "orderflow_bench_cluster", 61636, Map.of(
                "orderflow.webhook.url", "http://127.0.0.1:" + System.getProperty("it.webhook.port") + "/hooks/orderflow",
                "orderflow.webhook.event-types", "*"));
        ExternalSystems.webhook();
        BenchReport.progress("cluster: starting Artemis and one server ...");
        cluster.start(1);
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.stop();
    }

    @Test
    @Order(1)
    void one_server() throws Exception {
        measure(1, "cluster, 1 server: commands/s", "cluster, 1 server: webhook consumer events/s", null, null);
    }

    @Test
    @Order(2)
    void three_servers() throws Exception {
        BenchReport.progress("cluster: starting two more servers ...");
        cluster.server(1).start();
        cluster.server(2).start();
        measure(3, "cluster, 3 servers: commands/s", "cluster, 3 servers: webhook consumer events/s",
                "cluster, 1 server: commands/s", "cluster, 1 server: webhook consumer events/s");
    }

    @Test
    @Order(3)
    void publisher_rate_draining_a_backlog() throws Exception {
        cluster.broker().stop();
        BenchReport.progress("cluster: broker stopped, 3 servers taking commands for %d s (a backlog) ...", RUN.toSeconds());
        long before = count("SELECT count(*) FROM events");
        load(3, RUN, new AtomicLong());
        long backlog = count("SELECT count(*) FROM events") - before;
        long publishedBefore = count("SELECT published_count FROM outbox_publishers");
        cluster.broker().start();
        // from the first round after the restart (the publisher's back-off ends first) to the last event of the backlog
        while (count("SELECT published_count FROM outbox_publishers") == publishedBefore) {
            Thread.sleep(20);
        }
        long start = System.nanoTime();
        long target = count("SELECT count(*) FROM events");
        while (count("SELECT published_count FROM outbox_publishers") - publishedBefore < backlog) {
            Thread.sleep(20);
            if (System.nanoTime() - start > Duration.ofMinutes(3).toNanos()) {
                throw new AssertionError("the backlog of " + backlog + " events was not published within 3 min");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        BenchReport.record("cluster", "cluster: publisher draining a backlog, events/s", backlog / seconds, "events/s",
                backlog + " events (" + target + " in the log) after a broker outage; one publisher round at a time, "
                        + "whichever server holds the lock");
    }

    private static void measure(int servers, String commandsName, String consumerName, String commandsBaseline,
                                String consumerBaseline) throws Exception {
        BenchReport.progress("cluster: %d server(s), warming up for %d s ...", servers, WARM_UP.toSeconds());
        load(servers, WARM_UP, new AtomicLong());
        awaitConsumed(Duration.ofMinutes(2));
        long consumedBefore = count("SELECT count(*) FROM consumer_inbox WHERE consumer = 'webhook'");
        long eventsBefore = count("SELECT count(*) FROM events");
        BenchReport.progress("cluster: %d server(s), %d clients creating orders for %d s ...", servers, CLIENTS, RUN.toSeconds());
        AtomicLong commands = new AtomicLong();
        long start = System.nanoTime();
        double seconds = load(servers, RUN, commands);
        awaitConsumed(Duration.ofMinutes(2));
        double consumedSeconds = (System.nanoTime() - start) / 1e9;
        long consumed = count("SELECT count(*) FROM consumer_inbox WHERE consumer = 'webhook'") - consumedBefore;
        long events = count("SELECT count(*) FROM events") - eventsBefore;
        String note = CLIENTS + " HTTP clients round robin over " + servers + " server(s), Artemis, 2 cores shared by all";
        if (commandsBaseline == null) {
            BenchReport.record("cluster", commandsName, commands.get() / seconds, "commands/s", note);
            BenchReport.record("cluster", consumerName, consumed / consumedSeconds, "events/s",
                    events + " events of the run, until the consumer had them all");
        } else {
            BenchReport.compare("cluster", commandsName, commands.get() / seconds, "commands/s", commandsBaseline, null, note);
            BenchReport.compare("cluster", consumerName, consumed / consumedSeconds, "events/s", consumerBaseline, null,
                    events + " events of the run, until the consumer had them all");
        }
    }

    /** {@link #CLIENTS} clients creating orders round robin over the first {@code servers} servers; returns the seconds. */
    private static double load(int servers, Duration duration, AtomicLong answered) throws Exception {
        String authorization = cluster.authorization();
        AtomicInteger next = new AtomicInteger();
        return Clients.run(CLIENTS, duration, http -> {
            OwnServer server = cluster.server(Math.floorMod(next.getAndIncrement(), servers));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.api() + "/orders"))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"order\":{\"customer_name\":\"bench\"}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                answered.incrementAndGet();
            }
        });
    }

    private static void awaitConsumed(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (count("SELECT count(*) FROM consumer_inbox WHERE consumer = 'webhook'") < count("SELECT count(*) FROM events")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the webhook consumer did not catch up within " + within);
            }
            Thread.sleep(50);
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = cluster.server(0).database(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
