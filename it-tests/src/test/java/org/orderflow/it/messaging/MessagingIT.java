package org.orderflow.it.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orderflow.it.support.Api;
import org.orderflow.it.support.Deployments;
import org.orderflow.it.support.Eventually;
import org.orderflow.it.support.Metrics;
import org.orderflow.it.support.ExternalSystems;
import org.orderflow.it.support.ReceivedMessages;
import org.orderflow.it.support.ReceivedMessages.Received;
import org.orderflow.it.support.WebhookStub;

/**
 * The outbox, the topic and the consumers on the deployed WAR, measured where the effects land:
 * mail in a real SMTP server (GreenMail), calls on a real HTTP endpoint (stub), messages as a raw
 * subscriber sees them (RecordingListener, no deduplication).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MessagingIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ITEM = "{\"order_item\":{\"product_name\":\"Tea\",\"quantity\":2,\"unit_price_cents\":350}}";
    private static final Duration WITHIN = Duration.ofSeconds(30);

    private final Api api = Api.client();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.orderflowWar().addClass(RecordingListener.class);
    }

    @Test
    void a_commands_events_reach_each_consumer_once_in_effect_and_in_stream_order() throws Exception {
        String customer = "cust-" + UUID.randomUUID().toString().substring(0, 8);
        String correlation = "corr-" + UUID.randomUUID();
        Api client = api.with("X-Correlation-ID", correlation);
        String order = client.post("/orders", "{\"order\":{\"customer_name\":\"Ada\",\"customer_id\":\"" + customer + "\"}}")
                .text("order_id");
        client.post("/orders/" + order + "/add_item", ITEM);
        client.post("/orders/" + order + "/add_item", ITEM);
        assertThat(client.post("/orders/" + order + "/confirm").status()).isEqualTo(200);

        // the raw subscriber: every event once, in stream order, with the envelope as properties and body
        List<Received> received = Eventually.await(() -> ReceivedMessages.forStream(order), r -> r.size() >= 4, WITHIN,
                "4 messages for " + order);
        assertThat(received).extracting(Received::streamVersion).containsExactly(1L, 2L, 3L, 4L);
        assertThat(received).extracting(Received::eventType)
                .containsExactly("OrderCreated", "ItemAdded", "ItemAdded", "OrderConfirmed");
        assertThat(received).extracting(Received::correlationId).containsOnly(correlation);
        assertThat(received).extracting(Received::tenantId).containsOnly("default");
        assertThat(received.get(0).properties()).contains("streamType=Order", "schemaVersion=1", "globalPosition=");
        JsonNode body = JSON.readTree(received.get(3).body());
        assertThat(body.path("eventType").asText()).isEqualTo("OrderConfirmed");
        assertThat(body.path("streamId").asText()).isEqualTo(order);
        assertThat(body.path("streamVersion").asLong()).isEqualTo(4);
        assertThat(body.path("correlationId").asText()).isEqualTo(correlation);
        assertThat(body.path("payload").path("totalCents").asLong()).isEqualTo(1400);

        // the integration handler: one accepted call per event, in stream order, keyed by event id
        WebhookStub webhook = ExternalSystems.webhook();
        List<WebhookStub.Call> calls = Eventually.await(() -> webhook.acceptedFor(order), c -> c.size() >= 4, WITHIN,
                "4 webhook calls for " + order);
        assertThat(calls).extracting(WebhookStub.Call::streamVersion).containsExactly(1L, 2L, 3L, 4L);
        assertThat(calls).extracting(WebhookStub.Call::idempotencyKey)
                .containsExactlyElementsOf(received.stream().map(Received::eventId).toList());

        // the notification handler: one mail, to the customer, about the confirmation
        List<MimeMessage> mails = Eventually.await(() -> mailsAbout(order), m -> !m.isEmpty(), WITHIN, "a mail about " + order);
        assertThat(mails).hasSize(1);
        assertThat(Arrays.toString(mails.get(0).getRecipients(Message.RecipientType.TO)))
                .contains(customer + "@customers.orderflow.local");
        assertThat(mails.get(0).getSubject()).contains("is confirmed");
        assertThat(mails.get(0).getMessageID()).isEqualTo("<" + received.get(3).eventId() + "@orderflow>");

        // and nothing more arrives later
        awaitEverythingPublishedSoFarConsumed();
        assertThat(ReceivedMessages.forStream(order)).hasSize(4);
        assertThat(webhook.callsFor(order)).hasSize(4);
        assertThat(mailsAbout(order)).hasSize(1);
        assertThat(inboxRows(order)).containsExactlyInAnyOrder("notifications", "webhook", "webhook", "webhook", "webhook");
    }

    @Test
    void events_sent_again_after_a_publisher_crash_reach_subscribers_but_have_no_second_effect() throws Exception {
        String order = api.post("/orders", "{\"order\":{\"customer_name\":\"Bo\",\"customer_id\":\"bo\"}}").text("order_id");
        api.post("/orders/" + order + "/add_item", ITEM);
        api.post("/orders/" + order + "/confirm");
        Eventually.await(() -> mailsAbout(order), m -> m.size() == 1, WITHIN, "the first mail about " + order);
        Eventually.await(() -> ExternalSystems.webhook().acceptedFor(order), c -> c.size() == 3, WITHIN, "3 webhook calls");
        Eventually.await(() -> ReceivedMessages.forStream(order), r -> r.size() == 3, WITHIN, "3 messages");

        // What a crash after the sends and before the cursor's commit leaves behind: the cursor
        // before events the broker already has. The publisher sends them again.
        rewindPublisherTo(order);

        List<Received> twice = Eventually.await(() -> ReceivedMessages.forStream(order), r -> r.size() == 6, WITHIN,
                "every event of " + order + " delivered a second time");
        assertThat(twice).extracting(Received::streamVersion).containsExactly(1L, 2L, 3L, 1L, 2L, 3L);
        awaitEverythingPublishedSoFarConsumed();
        assertThat(ExternalSystems.webhook().callsFor(order)).as("no second webhook call").hasSize(3);
        assertThat(mailsAbout(order)).as("no second mail").hasSize(1);
    }

    @Test
    void a_message_the_receiver_keeps_refusing_is_dead_lettered_and_replayed_after_the_fix() throws Exception {
        String poison = "poison-" + UUID.randomUUID();
        Api client = api.with("X-Correlation-ID", poison);
        WebhookStub webhook = ExternalSystems.webhook();
        webhook.fail(poison, 422);
        String order;
        try {
            order = client.post("/orders", "{\"order\":{\"customer_name\":\"Cy\",\"customer_id\":\"cy\"}}").text("order_id");
            client.post("/orders/" + order + "/add_item", ITEM);
            client.post("/orders/" + order + "/confirm");

            // the receiver refuses each event: one call per delivery, dead-lettered at the redelivery limit (3 here)
            List<JsonNode> dead = Eventually.await(() -> deadLettersOf(order), d -> d.size() == 3, WITHIN,
                    "3 dead letters for " + order);
            assertThat(dead).extracting(d -> d.path("event_type").asText())
                    .containsExactlyInAnyOrder("OrderCreated", "ItemAdded", "OrderConfirmed");
            assertThat(dead.get(0).path("subscription").asText()).contains("orderflow-webhook");
            assertThat(dead.get(0).path("message_id").asText()).startsWith("ID:");
            assertThat(webhook.callsFor(order)).hasSize(3 * 3).noneMatch(WebhookStub.Call::accepted);
            // the other consumer was not held up
            assertThat(Eventually.await(() -> mailsAbout(order), m -> !m.isEmpty(), WITHIN, "the mail")).hasSize(1);
        } finally {
            webhook.heal(poison);
        }

        // replayed in stream order (the queue lists them in its own order)
        List<JsonNode> letters = new ArrayList<>(deadLettersOf(order));
        letters.sort(java.util.Comparator.comparingLong(MessagingIT::streamVersionOf));
        for (JsonNode letter : letters) {
            assertThat(api.post("/ops/dead-letters/" + letter.path("message_id").asText() + "/replay").status()).isEqualTo(200);
        }

        List<WebhookStub.Call> accepted = Eventually.await(() -> webhook.acceptedFor(order), c -> c.size() == 3, WITHIN,
                "the replayed events accepted");
        assertThat(accepted).extracting(WebhookStub.Call::streamVersion).containsExactly(1L, 2L, 3L);
        assertThat(deadLettersOf(order)).isEmpty();
        awaitEverythingPublishedSoFarConsumed();
        assertThat(mailsAbout(order)).as("the replay reached the mail consumer too, which had done its part").hasSize(1);
        assertThat(webhook.acceptedFor(order)).hasSize(3);
    }

    @Test
    void an_unavailable_receiver_pauses_its_subscription_so_the_redelivery_comes_later_and_nothing_is_dead_lettered()
            throws Exception {
        String down = "down-" + UUID.randomUUID();
        WebhookStub webhook = ExternalSystems.webhook();
        double openedBefore = circuitBreakerOpenings();
        webhook.fail(down, 503);
        String order;
        List<WebhookStub.Call> failed;
        try {
            order = api.with("X-Correlation-ID", down).post("/orders", "{\"order\":{\"customer_name\":\"Flo\"}}")
                    .text("order_id");
            failed = Eventually.await(() -> webhook.callsFor(order), c -> c.size() >= 2, WITHIN, "two failed calls");
        } finally {
            webhook.heal(down);
        }

        // the subscription rested 1 s after the first failure: the broker's redelivery came that much later
        assertThat(Duration.between(failed.get(0).receivedAt(), failed.get(1).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
        List<WebhookStub.Call> accepted = Eventually.await(() -> webhook.acceptedFor(order), c -> c.size() == 1, WITHIN,
                "the event accepted once the receiver is back");
        assertThat(accepted.get(0).eventType()).isEqualTo("OrderCreated");
        assertThat(webhook.callsFor(order)).as("one call per delivery: no in-process retries").hasSize(3);
        assertThat(deadLettersOf(order)).isEmpty();
        // two unavailable answers in a row opened the webhook's circuit breaker (Fault Tolerance metrics)
        assertThat(circuitBreakerOpenings()).isGreaterThan(openedBefore);
    }

    @Test
    void a_dead_letter_can_be_purged_and_unknown_ones_are_404() throws Exception {
        String poison = "poison-" + UUID.randomUUID();
        WebhookStub webhook = ExternalSystems.webhook();
        webhook.fail(poison, 410);
        String order;
        try {
            order = api.with("X-Correlation-ID", poison).post("/orders", "{\"order\":{\"customer_name\":\"Di\"}}").text("order_id");
            JsonNode letter = Eventually.await(() -> deadLettersOf(order), d -> d.size() == 1, WITHIN, "a dead letter").get(0);

            // a tenant's operator sees its own tenant's dead letters only, and cannot touch another's
            Api ownOperator = api.asUser("own-operator").withRoles("operator");
            Api otherOperator = api.asTenant("elsewhere").asUser("other-operator").withRoles("operator");
            assertThat(ownOperator.get("/ops/dead-letters").json().findValuesAsText("stream_id")).contains(order);
            assertThat(otherOperator.get("/ops/dead-letters").json().findValuesAsText("stream_id")).doesNotContain(order);
            assertThat(otherOperator.delete("/ops/dead-letters/" + letter.path("message_id").asText()).status()).isEqualTo(404);
            assertThat(otherOperator.post("/ops/dead-letters/" + letter.path("message_id").asText() + "/replay").status())
                    .isEqualTo(404);
            assertThat(deadLettersOf(order)).as("untouched by the other tenant's operator").hasSize(1);

            assertThat(api.delete("/ops/dead-letters/" + letter.path("message_id").asText()).status()).isEqualTo(200);

            assertThat(deadLettersOf(order)).isEmpty();
            assertThat(api.delete("/ops/dead-letters/" + letter.path("message_id").asText()).status()).isEqualTo(404);
            assertThat(api.post("/ops/dead-letters/ID:nope/replay").status()).isEqualTo(404);
            assertThat(api.post("/ops/dead-letters/" + URLEncoder.encode("ID:x' OR '1'='1", StandardCharsets.UTF_8) + "/replay").status()).isEqualTo(404);
        } finally {
            webhook.heal(poison);
        }
        assertThat(webhook.acceptedFor(order)).isEmpty();
    }

    @Test
    void the_outbox_status_shows_the_publisher_caught_up() {
        api.post("/orders", "{\"order\":{\"customer_name\":\"Ed\"}}");

        JsonNode status = Eventually.await(() -> api.get("/ops/outbox").json(), s -> s.path("pending_events").asLong() == 0,
                WITHIN, "an empty backlog");

        assertThat(status.path("state").asText()).isEqualTo("publishing");
        assertThat(status.path("published_total").asLong()).isPositive();
        assertThat(status.path("consumers").findValuesAsText("name")).contains("notifications", "webhook");
        JsonNode health = Eventually.await(() -> api.getAbsolute("/health/ready").json(), h -> h.has("checks"),
                WITHIN, "the readiness report");
        assertThat(health.toString()).contains("outbox-publisher", "\"state\":\"publishing\"");
    }

    /**
     * The signal that replaces "wait a second and see that nothing more came": a sentinel order
     * published after everything so far. Each consumer takes the topic in order (one publisher,
     * one consumer thread per subscription), so once the sentinel's events have reached every
     * consumer, so has everything published before them — a late duplicate included.
     */
    private void awaitEverythingPublishedSoFarConsumed() throws Exception {
        String sentinel = api.post("/orders", "{\"order\":{\"customer_name\":\"Sentinel\",\"customer_id\":\"sentinel\"}}")
                .text("order_id");
        api.post("/orders/" + sentinel + "/add_item", ITEM);
        api.post("/orders/" + sentinel + "/confirm");
        Eventually.await(() -> ReceivedMessages.forStream(sentinel), r -> r.size() == 3, WITHIN, "the sentinel's messages");
        Eventually.await(() -> ExternalSystems.webhook().acceptedFor(sentinel), c -> c.size() == 3, WITHIN,
                "the sentinel's webhook calls");
        Eventually.await(() -> mailsAbout(sentinel), m -> m.size() == 1, WITHIN, "the sentinel's mail");
    }

    private static long streamVersionOf(JsonNode letter) {
        try {
            return JSON.readTree(letter.path("body").asText()).path("streamVersion").asLong();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** How often the webhook's circuit breaker has opened, from the server's Fault Tolerance metrics. */
    private double circuitBreakerOpenings() {
        String metrics = Metrics.body("scope=base");
        return metrics.lines()
                .filter(l -> l.startsWith("ft_circuitbreaker_opened_total") && l.contains("GuardedWebhook.deliver"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static List<MimeMessage> mailsAbout(String order) {
        List<MimeMessage> about = new ArrayList<>();
        for (MimeMessage mail : ExternalSystems.mail().getReceivedMessages()) {
            try {
                if (mail.getSubject() != null && mail.getSubject().contains(order.substring(0, 8))) {
                    about.add(mail);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return about;
    }

    private List<JsonNode> deadLettersOf(String order) {
        List<JsonNode> letters = new ArrayList<>();
        for (JsonNode letter : api.get("/ops/dead-letters").json()) {
            if (order.equals(letter.path("stream_id").asText())) {
                letters.add(letter);
            }
        }
        return letters;
    }

    private static List<String> inboxRows(String order) throws SQLException {
        List<String> consumers = new ArrayList<>();
        try (Connection c = ReceivedMessages.connection();
             PreparedStatement s = c.prepareStatement("SELECT consumer FROM consumer_inbox WHERE stream_id = ?")) {
            s.setString(1, order);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    consumers.add(rs.getString(1));
                }
            }
        }
        return consumers;
    }

    /** Moves the publisher's cursor back to just before the stream's first event, under the publisher's own lock. */
    private static void rewindPublisherTo(String stream) throws SQLException {
        try (Connection c = ReceivedMessages.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))");
                 PreparedStatement rewind = c.prepareStatement("""
                         UPDATE outbox_publishers p SET transaction_id = e.transaction_id::text::bigint, position = e.position - 1
                           FROM events e
                          WHERE p.publisher = 'jms:orderflow.events' AND e.stream_id = ? AND e.stream_version = 1""")) {
                lock.setString(1, "outbox:jms:orderflow.events");
                lock.executeQuery();
                rewind.setString(1, stream);
                assertThat(rewind.executeUpdate()).isEqualTo(1);
            }
            c.commit();
        }
    }
}
