package org.orderflow.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A payment provider on loopback, the HTTP adapter's counterpart (contract in
 * {@code HttpPaymentGateway}). Idempotent like a real one: an authorization key is decided once
 * (a repeat waits for and returns the first decision); it approves unless told to decline an
 * order or to answer it late; it counts every call so a test can prove nobody was charged twice.
 */
public final class PaymentStub {

    /** One authorization the stub granted or refused. */
    public record Authorization(String key, String orderId, long amountCents, boolean approved, String authorizationId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, CompletableFuture<Authorization>> authorizations = new ConcurrentHashMap<>();
    private final Map<String, String> refunds = new ConcurrentHashMap<>();
    private final List<String> authorizeCalls = new CopyOnWriteArrayList<>();
    private final List<String> refundedOrders = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> refundedAuthorizations = new ConcurrentHashMap<>();
    private final Map<String, Boolean> declining = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> failures = new ConcurrentHashMap<>();

    private PaymentStub(HttpServer server) {
        this.server = server;
    }

    static PaymentStub start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 100);
            PaymentStub stub = new PaymentStub(server);
            server.createContext("/payments/authorizations", stub::authorize);
            server.createContext("/payments/refunds", stub::refund);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the payment stub on port " + port, e);
        }
    }

    void stop() {
        server.stop(0);
    }

    /** Decline every authorization of the order. */
    public void decline(String orderId) {
        declining.put(orderId, true);
    }

    /** Approve the order's authorization, but only after {@code delay}. */
    public void answerLate(String orderId, Duration delay) {
        delays.put(orderId, delay);
    }

    /** Answer the order's next {@code times} authorization calls with 503, deciding nothing. */
    public void failTimes(String orderId, int times) {
        failures.put(orderId, new java.util.concurrent.atomic.AtomicInteger(times));
    }

    /** How many authorization calls named the order (retries with the same key included). */
    public long authorizeCalls(String orderId) {
        return authorizeCalls.stream().filter(orderId::equals).count();
    }

    /** The authorizations the stub approved for the order: at most one per order means nobody paid twice. */
    public long approvedAuthorizations(String orderId) {
        return authorizations.values().stream().filter(CompletableFuture::isDone).map(CompletableFuture::join)
                .filter(a -> a.orderId().equals(orderId) && a.approved()).count();
    }

    /** How many refunds gave the order's money back. */
    public long refunds(String orderId) {
        return refundedOrders.stream().filter(orderId::equals).count();
    }

    private void authorize(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String orderId = body.path("order_id").asText();
        authorizeCalls.add(orderId);
        var failing = failures.get(orderId);
        if (failing != null && failing.getAndDecrement() > 0) {
            send(exchange, 503, "{\"error\":\"stub provider unavailable\"}");
            return;
        }
        CompletableFuture<Authorization> decided = new CompletableFuture<>();
        CompletableFuture<Authorization> first = authorizations.putIfAbsent(key, decided);
        if (first == null) {
            Duration delay = delays.getOrDefault(orderId, Duration.ZERO);
            boolean approve = !declining.containsKey(orderId);
            CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS).execute(() -> decided.complete(
                    new Authorization(key, orderId, body.path("amount_cents").asLong(), approve,
                            approve ? "auth-" + orderId : null)));
            first = decided;
        }
        Authorization answer;
        try {
            answer = first.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            send(exchange, 503, "{}");
            return;
        }
        send(exchange, answer.approved() ? 201 : 402, answer.approved()
                ? "{\"status\":\"approved\",\"authorization_id\":\"" + answer.authorizationId() + "\"}"
                : "{\"status\":\"declined\",\"reason\":\"card declined by the stub\"}");
    }

    /** Refunds an approved authorization once, whatever the refund's key (a provider never gives back more than it took). */
    private synchronized void refund(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String answer = refunds.computeIfAbsent(key, k -> {
            String authorizationKey = body.path("authorization_key").asText();
            CompletableFuture<Authorization> authorization = authorizations.get(authorizationKey);
            if (authorization != null && authorization.isDone() && authorization.join().approved()
                    && refundedAuthorizations.putIfAbsent(authorizationKey, true) == null) {
                refundedOrders.add(body.path("order_id").asText());
                return "{\"status\":\"refunded\",\"refund_id\":\"refund-" + k.hashCode() + "\"}";
            }
            return "{\"status\":\"nothing_to_refund\"}";
        });
        send(exchange, 200, answer);
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
