package org.orderflow.it.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderflow.it.support.Api.Reply;
import org.orderflow.it.support.Api;
import org.orderflow.it.support.Eventually;
import org.orderflow.it.support.ExternalSystems;
import org.orderflow.it.support.OwnServer;
import org.orderflow.it.support.WebhookStub;

/**
 * JSON logs by configuration only (Liberty's own {@code WLP_LOGGING_MESSAGE_FORMAT=JSON}, on a
 * server of its own): every line written while a request or a message is handled carries its
 * correlation id as {@code ext_correlationId} (the application's lines, and the runtime's lines
 * written on that thread meanwhile), and lines written outside them carry none.
 */
class JsonLogsIT {

    private static final int HTTP_PORT = 9881;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static OwnServer server;

    @BeforeAll
    static void startWithJsonLogs() throws Exception {
        server = OwnServer.create("orderflow-jsonlogs", HTTP_PORT, "orderflow_jsonlogs", Map.of(
                "orderflow.webhook.url", "http://127.0.0.1:" + System.getProperty("it.webhook.port") + "/hooks/orderflow",
                "orderflow.webhook.event-types", "*"));
        // the switch the README documents: an environment variable of the server, nothing in the WAR
        Files.writeString(server.directory().resolve("server.env"), "\nWLP_LOGGING_MESSAGE_FORMAT=JSON\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ExternalSystems.webhook();
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void lines_written_while_a_request_or_a_message_is_handled_carry_its_correlation_id() throws Exception {
        Api api = Api.client().at(server.api()).withoutReadYourWrites();

        // a request that logs: an operator starts a rebuild
        String request = "jsonlogs-request-" + UUID.randomUUID();
        api.post("/orders", "{\"order\":{\"customer_name\":\"logged\"}}");
        Reply rebuild = api.with("X-Correlation-ID", request).post("/ops/projections/order-summary/rebuild");
        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);

        // a message that logs: the webhook refuses an event, the consumer says so on each delivery
        String message = "jsonlogs-message-" + UUID.randomUUID();
        WebhookStub webhook = ExternalSystems.webhook();
        webhook.fail(message, 422);
        String order;
        try {
            order = api.with("X-Correlation-ID", message).post("/orders", "{\"order\":{\"customer_name\":\"refused\"}}")
                    .text("order_id");
            Eventually.await(() -> linesAbout("failed on OrderCreated"), lines -> !lines.isEmpty(), Duration.ofSeconds(60),
                    "the consumer's line about the refused event");
        } finally {
            webhook.heal(message);
        }

        List<JsonNode> requestLines = linesAbout("of order-summary started: ");
        List<JsonNode> messageLines = linesAbout("failed on OrderCreated");
        assertThat(requestLines).as("the rebuild's line, written while the request was handled").isNotEmpty()
                .allSatisfy(line -> assertThat(line.path("ext_correlationId").asText()).isEqualTo(request))
                .allSatisfy(line -> assertThat(line.path("ext_traceId").asText()).as("the request's trace (tracing is on here)")
                        .matches("[0-9a-f]{32}"));
        String orderTrace = storedTraceId(order);
        assertThat(messageLines).as("the consumer's lines about " + order).isNotEmpty()
                .allSatisfy(line -> assertThat(line.path("ext_correlationId").asText()).isEqualTo(message))
                .allSatisfy(line -> assertThat(line.path("ext_traceId").asText()).as("the trace of the command that wrote the event")
                        .isEqualTo(orderTrace));
        // the start-up lines were written outside any request or message: no id leaks onto them
        assertThat(linesAbout("Outbox publisher")).isNotEmpty()
                .allSatisfy(line -> assertThat(line.has("ext_correlationId") || line.has("ext_traceId")).isFalse());
    }

    /** The trace id in the stored metadata of the stream's first event (the command's request). */
    private static String storedTraceId(String stream) throws SQLException {
        try (Connection c = server.database(); PreparedStatement s = c.prepareStatement(
                "SELECT substring(metadata->>'traceId' from 4 for 32) FROM events WHERE stream_id = ? AND stream_version = 1")) {
            s.setString(1, stream);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("the stored event of " + stream).isTrue();
                return rs.getString(1);
            }
        }
    }

    /** The JSON lines of messages.log whose message contains {@code text}. */
    private static List<JsonNode> linesAbout(String text) {
        List<JsonNode> lines = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(server.directory().resolve("logs/messages.log"))) {
                if (!line.startsWith("{")) {
                    continue;
                }
                JsonNode record = JSON.readTree(line);
                if (record.path("message").asText().contains(text)) {
                    lines.add(record);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
