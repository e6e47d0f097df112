package org.orderflow.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A webhook receiver on loopback: records every call, and answers 204 unless a test told it to
 * fail the events of a stream with some status.
 */
public final class WebhookStub {

    /** One received call. */
    public record Call(String idempotencyKey, String eventType, String streamId, long streamVersion, int answeredStatus,
                       JsonNode body, Instant receivedAt, String traceParent) {

        public boolean accepted() {
            return answeredStatus / 100 == 2;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> failing = new ConcurrentHashMap<>();

    private WebhookStub(HttpServer server) {
        this.server = server;
    }

    static WebhookStub start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
            WebhookStub stub = new WebhookStub(server);
            server.createContext("/hooks/orderflow", stub::handle);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the webhook stub on port " + port, e);
        }
    }

    void stop() {
        server.stop(0);
    }

    /** Answer {@code status} to every event whose correlation id (or stream id) is {@code key}, until {@link #heal}. */
    public void fail(String key, int status) {
        failing.put(key, status);
    }

    public void heal(String key) {
        failing.remove(key);
    }

    /** Every call for the stream, in arrival order. */
    public List<Call> callsFor(String streamId) {
        return calls.stream().filter(c -> streamId.equals(c.streamId())).toList();
    }

    /** The accepted calls for the stream, in arrival order. */
    public List<Call> acceptedFor(String streamId) {
        return callsFor(streamId).stream().filter(Call::accepted).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String streamId = body.path("streamId").asText(null);
            String correlationId = body.path("correlationId").asText("");
            int status = failing.getOrDefault(correlationId, failing.getOrDefault(streamId, 204));
            calls.add(new Call(exchange.getRequestHeaders().getFirst("Idempotency-Key"), body.path("eventType").asText(null),
                    streamId, body.path("streamVersion").asLong(), status, body, Instant.now(),
                    exchange.getRequestHeaders().getFirst("traceparent")));
            byte[] answer = status == 204 ? new byte[0] : "{\"error\":\"stub told to fail\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, status == 204 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }
}
