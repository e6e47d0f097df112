package org.orderflow.messaging;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.orderflow.application.outbox.IntegrationEvent;
import org.orderflow.messaging.EventMessages.MalformedMessage;

/**
 * The JMS side of the published contract: the envelope as message properties and headers (what
 * subscribers' selectors see), and the messages {@link EventMessages#read} refuses before it looks
 * at any JSON. None of this needs a JSON-P implementation.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventMessagesPropertiesTest {

    private static final UUID EVENT_ID = UUID.fromString("5f0c8a8e-7a51-4a49-9b7e-2f6f3f1f2a10");
    private static final String ORDER_ID = "1f8a9a2b-6a2b-48b4-bb23-9b41c0693db4";
    private static final String CORRELATION_ID = "46614173-03f6-424e-b0a4-eac4c462b447";
    private static final String CAUSATION_ID = "9b1d0c55-3c57-4d0e-8a4e-cf0b1a7f6d21";

    private static IntegrationEvent orderConfirmed(String correlationId, String causationId) {
        return new IntegrationEvent(EVENT_ID, "OrderConfirmed", 2, "acme", "Order", ORDER_ID, 5, 9_007_199_254_740_993L,
                Instant.parse("2026-11-23T21:19:04.118123456Z"), correlationId, causationId, "{\"totalCents\":9998}");
    }

    @Nested
    @DisplayName("setting the properties of a published message")
    class SettingProperties {

        @Test
        void sets_every_envelope_key_under_its_body_name_with_a_selectable_type() throws JMSException {
            // given a fresh text message
            FakeMessage message = FakeMessage.blank();

            // when the envelope of a fully described event is set on it
            EventMessages.setProperties(message.jms(), orderConfirmed(CORRELATION_ID, CAUSATION_ID));

            // then every envelope key is a property; numbers are JMS int/long properties, so selectors compare numerically;
            // and the message group is the event's stream (a grouping broker keeps each stream's order across consumers)
            assertThat(message.properties).isEqualTo(Map.<String, Object>ofEntries(
                    entry("JMSXGroupID", "acme/Order/" + ORDER_ID),
                    entry("eventId", "5f0c8a8e-7a51-4a49-9b7e-2f6f3f1f2a10"),
                    entry("eventType", "OrderConfirmed"),
                    entry("schemaVersion", 2),
                    entry("tenantId", "acme"),
                    entry("streamType", "Order"),
                    entry("streamId", ORDER_ID),
                    entry("streamVersion", 5L),
                    entry("globalPosition", 9_007_199_254_740_993L),
                    entry("recordedAt", "2026-11-23T21:19:04.118123456Z"),
                    entry("correlationId", CORRELATION_ID),
                    entry("causationId", CAUSATION_ID)));
        }

        @Test
        void the_property_names_are_the_published_constants() {
            assertThat(new String[] {EventMessages.EVENT_ID, EventMessages.EVENT_TYPE, EventMessages.SCHEMA_VERSION,
                    EventMessages.TENANT_ID, EventMessages.STREAM_TYPE, EventMessages.STREAM_ID,
                    EventMessages.STREAM_VERSION, EventMessages.GLOBAL_POSITION, EventMessages.RECORDED_AT,
                    EventMessages.CORRELATION_ID, EventMessages.CAUSATION_ID, EventMessages.PAYLOAD})
                    .containsExactly("eventId", "eventType", "schemaVersion", "tenantId", "streamType", "streamId",
                            "streamVersion", "globalPosition", "recordedAt", "correlationId", "causationId", "payload");
        }

        @Test
        void the_jms_type_is_the_event_type_and_the_jms_correlation_id_is_the_correlation_id() throws JMSException {
            FakeMessage message = FakeMessage.blank();

            EventMessages.setProperties(message.jms(), orderConfirmed(CORRELATION_ID, CAUSATION_ID));

            assertThat(message.headers).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "JMSType", "OrderConfirmed",
                    "JMSCorrelationID", CORRELATION_ID));
        }

        @Test
        void an_event_without_correlation_or_causation_sets_neither_property_nor_the_correlation_header()
                throws JMSException {
            FakeMessage message = FakeMessage.blank();

            EventMessages.setProperties(message.jms(), orderConfirmed(null, null));

            assertThat(message.properties).doesNotContainKeys("correlationId", "causationId").hasSize(10);
            assertThat(message.headers).containsExactly(entry("JMSType", "OrderConfirmed"));
        }

        @Test
        void a_causation_without_a_correlation_is_set_on_its_own() throws JMSException {
            FakeMessage message = FakeMessage.blank();

            EventMessages.setProperties(message.jms(), orderConfirmed(null, CAUSATION_ID));

            assertThat(message.properties).containsEntry("causationId", CAUSATION_ID).doesNotContainKey("correlationId");
            assertThat(message.headers).doesNotContainKey("JMSCorrelationID");
        }

        @Test
        void unicode_in_the_envelope_is_set_unchanged() throws JMSException {
            FakeMessage message = FakeMessage.blank();
            IntegrationEvent event = new IntegrationEvent(EVENT_ID, "OrderCreated", 1, "東京-テナント", "Order", "注文-😀",
                    1, 1, Instant.parse("2026-01-01T00:00:00Z"), "corr-Zoë", "原因", "{}");

            EventMessages.setProperties(message.jms(), event);

            assertThat(message.properties)
                    .containsEntry("tenantId", "東京-テナント")
                    .containsEntry("streamId", "注文-😀")
                    .containsEntry("recordedAt", "2026-01-01T00:00:00Z")
                    .containsEntry("correlationId", "corr-Zoë")
                    .containsEntry("causationId", "原因");
            assertThat(message.headers).containsEntry("JMSCorrelationID", "corr-Zoë");
        }
    }

    @Nested
    @DisplayName("reading a message that cannot hold a published event")
    class RefusingMessages {

        @Test
        void a_message_that_is_not_text_is_malformed_and_named_by_its_id() {
            FakeMessage bytes = FakeMessage.notText("ID:414d51204f52444552464c4f5720");

            assertThatThrownBy(() -> EventMessages.read(bytes.jms()))
                    .isInstanceOf(MalformedMessage.class)
                    .hasMessage("not a JSON text message: ID:414d51204f52444552464c4f5720");
        }

        @Test
        void a_text_message_without_text_is_malformed() {
            FakeMessage empty = FakeMessage.blank();

            assertThatThrownBy(() -> EventMessages.read(empty.jms()))
                    .isInstanceOf(MalformedMessage.class)
                    .hasMessage("not a JSON text message: ID:blank");
        }

        @Test
        void a_text_the_broker_cannot_give_is_malformed_and_keeps_the_broker_s_exception() {
            JMSException failure = new JMSException("message body was lost");
            FakeMessage unreadable = FakeMessage.withUnreadableText(failure);

            assertThatThrownBy(() -> EventMessages.read(unreadable.jms()))
                    .isInstanceOf(MalformedMessage.class)
                    .hasMessage("unreadable message: message body was lost")
                    .satisfies(malformed -> assertThat(malformed.getCause()).isSameAs(failure));
        }
    }
}
