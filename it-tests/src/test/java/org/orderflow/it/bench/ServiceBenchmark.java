package org.orderflow.it.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orderflow.it.messaging.RecordingListener;
import org.orderflow.it.support.Api;
import org.orderflow.it.support.Metrics;
import org.orderflow.it.support.Tokens;
import org.orderflow.it.support.Deployments;
import org.orderflow.it.support.ReceivedMessages;

/**
 * The running service over loopback HTTP (the Arquillian test server: the production
 * server.xml, the outbox at its default 100 ms interval): the command path under fixed
 * concurrency, the outbox's end-to-end latency (command answered → message at a subscriber),
 * its publish rate under sustained load, and the server's memory afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceBenchmark {

    /** Every request carries a token of the server\'s development issuer, as a real client\'s would. */
    private static String authorization;

    /** A token of this deployment's issuer (a redeployed application has a new key: tokens of the last one are void). */
    private static synchronized String authorization() {
        if (authorization == null) {
            Tokens.forget(Api.client().server());
            authorization = Api.client().authorization();
        }
        return authorization;
    }

    private static final int CLIENTS = 8;
    /** How long the server is loaded before the first measurement; longer for steady-state comparisons (e.g. of JIT settings). */
    private static final Duration WARM_UP = Duration.parse(System.getProperty("bench.warm-up", "PT30S"));
    private static final Duration HTTP_RUN = Duration.ofSeconds(15);
    private static final Duration PROJECTION_LOAD = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LATENCY_SAMPLES = 200;
    private static final Pattern ORDER_ID = Pattern.compile("\"order_id\":\"([0-9a-f-]{36})\"");
    private static final String ITEM = "{\"order_item\":{\"product_name\":\"Tea\",\"quantity\":1,\"unit_price_cents\":350}}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.orderflowWar().addClasses(RecordingListener.class, NoOpResource.class);
    }

    @Test
    @Order(1)
    void http_command_path_at_fixed_concurrency() throws Exception {
        warmUp();
        BenchReport.progress("http: %d clients, create + add_item for %d s ...", CLIENTS, HTTP_RUN.toSeconds());
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        long cpuBeforeCommands = serverCpuNanos();
        double seconds = runClients(HTTP_RUN, http -> {
            long t0 = System.nanoTime();
            HttpResponse<String> created = post(http, "/orders", "{\"order\":{\"customer_name\":\"bench\"}}");
            latencies.add(System.nanoTime() - t0);
            Matcher id = ORDER_ID.matcher(created.body());
            if (created.statusCode() != 201 || !id.find()) {
                failures.incrementAndGet();
                return;
            }
            long t1 = System.nanoTime();
            HttpResponse<String> added = post(http, "/orders/" + id.group(1) + "/add_item", ITEM);
            latencies.add(System.nanoTime() - t1);
            if (added.statusCode() != 200) {
                failures.incrementAndGet();
            }
        });
        long commandCpu = serverCpuNanos() - cpuBeforeCommands;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double perSecond = sorted.size() / seconds;

        // the commands' projection and publishing work must not run into the no-op measurements
        awaitOutboxDrained();
        BenchReport.progress("http: %d clients, the no-op endpoint for %d s ...", CLIENTS, HTTP_RUN.toSeconds());
        AtomicLong noOps = new AtomicLong();
        long cpuBeforeNoOps = serverCpuNanos();
        double noOpSeconds = runClients(HTTP_RUN, http -> {
            if (post(http, "/bench/noop", ITEM).statusCode() == 201) {
                noOps.incrementAndGet();
            }
        });
        long noOpCpu = serverCpuNanos() - cpuBeforeNoOps;
        BenchReport.record("http", "no-op JAX-RS POST, " + CLIENTS + " clients", noOps.get() / noOpSeconds, "req/s",
                "same server and clients: reads the body, answers 201 (NoOpResource, deployed with the benchmark)");
        BenchReport.compare("http", "commands/s, " + CLIENTS + " clients (create + add_item)", perSecond, "cmd/s",
                "no-op JAX-RS POST, " + CLIENTS + " clients", ">= 0.3x",
                "each command appends 1 event; projections and publishing running; failures: " + failures.get());

        BenchReport.progress("http: %d clients, the no-op endpoint without a token for %d s ...", CLIENTS, HTTP_RUN.toSeconds());
        AtomicLong openOps = new AtomicLong();
        long cpuBeforeOpen = serverCpuNanos();
        double openSeconds = runClients(HTTP_RUN, http -> {
            if (postWithoutToken(http, "/bench/open/noop", ITEM).statusCode() == 201) {
                openOps.incrementAndGet();
            }
        });
        long openCpu = serverCpuNanos() - cpuBeforeOpen;
        BenchReport.record("http", "no-op JAX-RS POST without a token, " + CLIENTS + " clients", openOps.get() / openSeconds,
                "req/s", "the same no-op, @PermitAll (deployed with the benchmark only)");
        // What validating the token adds to one request, as a share of what one command costs, in
        // server CPU time (the clients share the 2 cores, so rates alone would also count their cost).
        double cpuPerCommand = commandCpu / 1e6 / sorted.size();
        double cpuPerNoOp = noOpCpu / 1e6 / Math.max(1, noOps.get());
        double cpuPerOpenNoOp = openCpu / 1e6 / Math.max(1, openOps.get());
        BenchReport.record("http", "server CPU per command", cpuPerCommand, "ms",
                "Liberty JVM CPU time during the command run / commands (projections and publishing included)");
        BenchReport.record("http", "server CPU per no-op with a token", cpuPerNoOp, "ms", "");
        BenchReport.record("http", "server CPU per no-op without a token", cpuPerOpenNoOp, "ms", "");
        BenchReport.record("http", "token check, share of a command's cost",
                100 * Math.max(0, cpuPerNoOp - cpuPerOpenNoOp) / cpuPerCommand, "%",
                "(server CPU per no-op with token - without) / server CPU per command, same run; target <= 10 %");
        BenchReport.record("http", "command latency p50", percentile(sorted, 0.50) / 1e6, "ms", "client-side, loopback");
        BenchReport.record("http", "command latency p99", percentile(sorted, 0.99) / 1e6, "ms", "client-side, loopback");
    }

    @Test
    @Order(2)
    void outbox_end_to_end_latency_at_the_default_interval() throws Exception {
        awaitOutboxDrained();
        HttpClient http = HttpClient.newHttpClient();
        long interval = 100;
        BenchReport.record("outbox", "polling interval (default)", interval, "ms", "orderflow.outbox.poll-interval-ms");
        List<String> orders = new ArrayList<>();
        List<Instant> answered = new ArrayList<>();
        BenchReport.progress("outbox latency: %d commands, one every 25 ms ...", LATENCY_SAMPLES);
        for (int i = 0; i < LATENCY_SAMPLES; i++) {
            HttpResponse<String> created = post(http, "/orders", "{\"order\":{\"customer_name\":\"latency\"}}");
            answered.add(Instant.now());
            Matcher id = ORDER_ID.matcher(created.body());
            if (!id.find()) {
                throw new AssertionError("create failed: " + created.body());
            }
            orders.add(id.group(1));
            Thread.sleep(25);
        }
        List<Long> micros = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int i = 0; i < orders.size(); i++) {
            List<ReceivedMessages.Received> received = ReceivedMessages.forStream(orders.get(i));
            while (received.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
                received = ReceivedMessages.forStream(orders.get(i));
            }
            if (received.isEmpty()) {
                throw new AssertionError("order " + orders.get(i) + " never arrived at the subscriber");
            }
            micros.add(Math.max(0, Duration.between(answered.get(i), received.get(0).receivedAt()).toNanos() / 1_000));
        }
        Collections.sort(micros);
        BenchReport.compare("outbox", "command answered -> subscriber, p50", percentile(micros, 0.50) / 1e3, "ms",
                "polling interval (default)", null, "MDB receipt time in PostgreSQL minus the client's answer time");
        BenchReport.compare("outbox", "command answered -> subscriber, p99", percentile(micros, 0.99) / 1e3, "ms",
                "polling interval (default)", "<= 2.0x", "cost ratio: lower is better");
    }

    @Test
    @Order(3)
    void outbox_publish_rate_under_sustained_load() throws Exception {
        awaitOutboxDrained();
        long publishedBefore = publishedCount();
        long eventsBefore = count("SELECT count(*) FROM events");
        BenchReport.progress("outbox throughput: %d clients creating orders for 10 s ...", CLIENTS);
        double loadSeconds = runClients(Duration.ofSeconds(10),
                http -> post(http, "/orders", "{\"order\":{\"customer_name\":\"load\"}}"));
        long written = count("SELECT count(*) FROM events") - eventsBefore;
        long publishedDuringLoad = publishedCount() - publishedBefore;
        long drainStart = System.nanoTime();
        while (publishedCount() - publishedBefore < written && System.nanoTime() - drainStart < Duration.ofSeconds(120).toNanos()) {
            Thread.sleep(50);
        }
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        BenchReport.record("outbox", "events appended/s during load", written / loadSeconds, "events/s", CLIENTS + " HTTP clients");
        BenchReport.compare("outbox", "events published/s during load", publishedDuringLoad / loadSeconds, "events/s",
                "events appended/s during load", ">= 1.0x", "keeps up when >= 1");
        BenchReport.record("outbox", "backlog drained after load", drainSeconds, "s", "until every event of the run was published");
    }

    @Test
    @Order(4)
    void projections_keep_up_under_sustained_command_load() throws Exception {
        awaitOutboxDrained();
        BenchReport.progress("projections: %d clients, create + add_item for %d s, lag sampled every 250 ms ...",
                CLIENTS, PROJECTION_LOAD.toSeconds());
        AtomicLong maxLagEvents = new AtomicLong();
        AtomicLong maxLagMillis = new AtomicLong();
        HttpClient sampler = HttpClient.newHttpClient();
        ExecutorService sampling = Executors.newSingleThreadExecutor();
        long loadEnds = System.nanoTime() + PROJECTION_LOAD.toNanos();
        Future<?> samples = sampling.submit(() -> {
            while (System.nanoTime() < loadEnds) {
                for (JsonNode projector : projections(sampler)) {
                    maxLagEvents.accumulateAndGet(projector.path("lag_events").asLong(), Math::max);
                    maxLagMillis.accumulateAndGet(Math.round(projector.path("lag_seconds").asDouble() * 1000), Math::max);
                }
                Thread.sleep(250);
            }
            return null;
        });
        runClients(PROJECTION_LOAD, http -> {
            HttpResponse<String> created = post(http, "/orders", "{\"order\":{\"customer_name\":\"lag\"}}");
            Matcher id = ORDER_ID.matcher(created.body());
            if (id.find()) {
                post(http, "/orders/" + id.group(1) + "/add_item", ITEM);
            }
        });
        samples.get();
        sampling.shutdown();
        long drainStart = System.nanoTime();
        while (true) {
            boolean caughtUp = true;
            for (JsonNode projector : projections(sampler)) {
                caughtUp &= projector.path("lag_events").asLong() == 0;
            }
            if (caughtUp || System.nanoTime() - drainStart > Duration.ofSeconds(120).toNanos()) {
                break;
            }
            Thread.sleep(20);
        }
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        BenchReport.record("projections", "max lag during " + PROJECTION_LOAD.toSeconds() + " s of commands (events)",
                maxLagEvents.get(), "events", "largest lag_events of any projector, sampled every 250 ms");
        BenchReport.record("projections", "max lag during " + PROJECTION_LOAD.toSeconds() + " s of commands (time)",
                maxLagMillis.get() / 1000.0, "s", "largest lag_seconds of any projector");
        BenchReport.record("projections", "every projector at the head after the load", drainSeconds, "s",
                "target: within 2 s");
    }

    private static List<JsonNode> projections(HttpClient http) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/ops/projections")).header("Authorization", authorization())
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        List<JsonNode> all = new ArrayList<>();
        JSON.readTree(answer.body()).forEach(all::add);
        return all;
    }

    @Test
    @Order(5)
    void server_memory_after_the_runs() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String metrics = Metrics.body("scope=base");
        Matcher used = Pattern.compile("memory_usedHeap_bytes\\{[^}]*}\\s+([0-9.Ee+]+)").matcher(metrics);
        Matcher max = Pattern.compile("memory_maxHeap_bytes\\{[^}]*}\\s+([0-9.Ee+]+)").matcher(metrics);
        if (used.find()) {
            BenchReport.record("memory", "server heap used after the runs", Double.parseDouble(used.group(1)) / 1e6, "MB",
                    max.find() ? "max heap " + Math.round(Double.parseDouble(max.group(1)) / 1e6) + " MB" : "");
        }
        Optional<ProcessHandle> server = serverProcess();
        if (server.isPresent()) {
            for (String line : Files.readAllLines(Path.of("/proc/" + server.get().pid() + "/status"))) {
                if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D+", ""));
                    BenchReport.record("memory", "server " + (line.startsWith("VmRSS") ? "RSS" : "peak RSS") + " after the runs",
                            kb / 1e3, "MB", "/proc/<pid>/status of the Liberty JVM");
                }
            }
        }
    }

    /** CPU time the Liberty JVM has used so far (user + system), or 0 where it cannot be found. */
    private static long serverCpuNanos() {
        return serverProcess().flatMap(process -> process.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
    }

    /** Arquillian launches the server without Liberty's pid file: its JVM, found by its command line. */
    private static Optional<ProcessHandle> serverProcess() {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine()
                        .map(line -> line.contains("ws-server.jar") && line.contains("orderflow-it")).orElse(false))
                .findFirst();
    }

    /** {@link #CLIENTS} clients sending requests until the duration is up; returns the seconds it took. */
    private static double runClients(Duration duration, Clients.Request request) throws Exception {
        return Clients.run(CLIENTS, duration, request);
    }

    /** The JIT needs a while on a freshly started server (C2 compiles for tens of seconds on 2 cores). */
    private static void warmUp() throws Exception {
        BenchReport.progress("http: warming the server up for %d s ...", WARM_UP.toSeconds());
        runClients(WARM_UP, http -> post(http, "/orders", "{\"order\":{\"customer_name\":\"warm-up\"}}"));
        awaitOutboxDrained();
    }

    /**
     * Waits until the publisher has published everything stored and the recording subscriber has
     * received it (a marker order written last arrives), so one measurement does not pay for
     * another's backlog.
     */
    private static void awaitOutboxDrained() throws Exception {
        HttpResponse<String> marker = post(HttpClient.newHttpClient(), "/orders", "{\"order\":{\"customer_name\":\"marker\"}}");
        Matcher id = ORDER_ID.matcher(marker.body());
        if (!id.find()) {
            throw new AssertionError("marker order failed: " + marker.body());
        }
        long markerDeadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (ReceivedMessages.forStream(id.group(1)).isEmpty() && System.nanoTime() < markerDeadline) {
            Thread.sleep(100);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (count("""
                SELECT count(*) FROM events e JOIN outbox_publishers p ON p.publisher = 'jms:orderflow.events'
                 WHERE (e.transaction_id, e.position) > (CAST(CAST(p.transaction_id AS text) AS xid8), p.position)""") > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
    }

    private static HttpResponse<String> postWithoutToken(HttpClient http, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient http, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(30))
                        .header("Authorization", authorization()).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long publishedCount() throws Exception {
        return count("SELECT COALESCE(max(published_count), 0) FROM outbox_publishers WHERE publisher = 'jms:orderflow.events'");
    }

    private static long count(String sql) throws Exception {
        try (Connection c = ReceivedMessages.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(sorted.size() * p)));
    }
}
