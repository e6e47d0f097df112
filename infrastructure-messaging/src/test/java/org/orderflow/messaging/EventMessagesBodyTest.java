package org.orderflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.orderflow.application.outbox.IntegrationEvent;
import org.orderflow.messaging.EventMessages.MalformedMessage;

/**
 * The JSON side of the published contract ({@code docs/asyncapi.yaml}): the body a recorded event
 * becomes, and the event a body reads back as. Bodies are compared as JSON trees, so the tests pin
 * keys, values and JSON types, not the writer's whitespace or key order.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventMessagesBodyTest {

    private static final String ORDER_ID = "1f8a9a2b-6a2b-48b4-bb23-9b41c0693db4";
    private static final String CORRELATION_ID = "46614173-03f6-424e-b0a4-eac4c462b447";
    private static final String CAUSATION_ID = "9b1d0c55-3c57-4d0e-8a4e-cf0b1a7f6d21";

    /** The OrderCreated example of docs/asyncapi.yaml. */
    private static final IntegrationEvent ORDER_CREATED = new IntegrationEvent(
            UUID.fromString("5f0c8a8e-7a51-4a49-9b7e-2f6f3f1f2a10"), "OrderCreated", 1, "default", "Order", ORDER_ID,
            1, 1, Instant.parse("2026-11-23T21:19:04.118Z"), CORRELATION_ID, CAUSATION_ID,
            "{\"orderId\":\"" + ORDER_ID + "\",\"customerName\":\"Ada\",\"customerId\":\"ada\",\"shippingAddress\":null}");

    /** The same example as a body, written by hand the way asyncapi.yaml shows it. */
    private static final String ORDER_CREATED_BODY = """
            {
              "eventId": "5f0c8a8e-7a51-4a49-9b7e-2f6f3f1f2a10",
              "eventType": "OrderCreated",
              "schemaVersion": 1,
              "tenantId": "default",
              "streamType": "Order",
              "streamId": "1f8a9a2b-6a2b-48b4-bb23-9b41c0693db4",
              "streamVersion": 1,
              "globalPosition": 1,
              "recordedAt": "2026-11-23T21:19:04.118Z",
              "correlationId": "46614173-03f6-424e-b0a4-eac4c462b447",
              "causationId": "9b1d0c55-3c57-4d0e-8a4e-cf0b1a7f6d21",
              "payload": {
                "orderId": "1f8a9a2b-6a2b-48b4-bb23-9b41c0693db4",
                "customerName": "Ada",
                "customerId": "ada",
                "shippingAddress": null
              }
            }
            """;

    @BeforeAll
    static void a_json_p_implementation_is_on_the_test_class_path() {
        try {
            JsonProvider.provider();
        } catch (JsonException e) {
            throw new AssertionError("EventMessages needs a Jakarta JSON Processing implementation; Liberty brings one "
                    + "at run time, a unit test needs one on its class path (org.eclipse.parsson:parsson, test scope)", e);
        }
    }

    @Nested
    @DisplayName("writing the body")
    class WritingTheBody {

        @Test
        void a_fully_described_event_becomes_the_documented_body() {
            assertThat(json(EventMessages.toJson(ORDER_CREATED))).isEqualTo(json(ORDER_CREATED_BODY));
        }

        @Test
        void the_payload_is_a_nested_json_object_not_an_escaped_string() {
            JsonObject body = json(EventMessages.toJson(ORDER_CREATED));

            assertThat(body.get("payload").getValueType()).isEqualTo(JsonValue.ValueType.OBJECT);
            assertThat(body.getJsonObject("payload").getString("customerName")).isEqualTo("Ada");
        }

        @Test
        void missing_correlation_and_causation_are_written_as_json_null() {
            JsonObject body = json(EventMessages.toJson(withMetadata(ORDER_CREATED, null, null)));

            assertThat(body).containsKeys("correlationId", "causationId");
            assertThat(body.isNull("correlationId")).isTrue();
            assertThat(body.isNull("causationId")).isTrue();
        }

        @Test
        void numbers_of_the_envelope_and_payload_stay_exact_beyond_double_precision() {
            IntegrationEvent event = new IntegrationEvent(ORDER_CREATED.eventId(), "PaymentProcessed", 1, "default",
                    "Order", ORDER_ID, 9_007_199_254_740_993L, Long.MAX_VALUE, ORDER_CREATED.recordedAt(), null, null,
                    "{\"amountCents\":9007199254740993,\"rate\":0.1}");

            JsonObject body = json(EventMessages.toJson(event));

            assertThat(body.getJsonNumber("streamVersion").longValueExact()).isEqualTo(9_007_199_254_740_993L);
            assertThat(body.getJsonNumber("globalPosition").longValueExact()).isEqualTo(Long.MAX_VALUE);
            assertThat(body.getJsonObject("payload").getJsonNumber("amountCents").longValueExact())
                    .isEqualTo(9_007_199_254_740_993L);
            assertThat(body.getJsonObject("payload").getJsonNumber("rate").bigDecimalValue())
                    .isEqualByComparingTo(new BigDecimal("0.1"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"[1,2]", "\"text\"", "42", "null", "", "{\"unclosed\":"})
        void a_payload_that_is_not_a_json_object_cannot_be_published(String payload) {
            IntegrationEvent event = withPayload(ORDER_CREATED, payload);

            assertThatThrownBy(() -> EventMessages.toJson(event)).isInstanceOf(JsonException.class);
        }
    }

    @Nested
    @DisplayName("the round trip from event to body and back")
    class RoundTrip {

        @Test
        void a_published_body_reads_back_as_the_same_event() {
            assertThat(EventMessages.fromJson(EventMessages.toJson(ORDER_CREATED))).isEqualTo(canonical(ORDER_CREATED));
        }

        @Test
        void the_documented_body_reads_as_the_documented_event() {
            assertThat(EventMessages.fromJson(ORDER_CREATED_BODY)).isEqualTo(canonical(ORDER_CREATED));
        }

        @Test
        void the_payload_reads_back_with_the_same_content_whatever_its_whitespace() {
            IntegrationEvent spaced = withPayload(ORDER_CREATED, "{ \"orderId\" : \"" + ORDER_ID + "\" ,\n\t\"lines\" : [ 1 , 2 ] }");

            IntegrationEvent read = EventMessages.fromJson(EventMessages.toJson(spaced));

            assertThat(json(read.payload())).isEqualTo(json(spaced.payload()));
        }

        @Test
        void missing_correlation_and_causation_read_back_as_absent_not_as_the_text_null() {
            IntegrationEvent withoutMetadata = withMetadata(ORDER_CREATED, null, null);

            IntegrationEvent read = EventMessages.fromJson(EventMessages.toJson(withoutMetadata));

            assertThat(read.correlationId()).isNull();
            assertThat(read.causationId()).isNull();
            assertThat(read).isEqualTo(canonical(withoutMetadata));
        }

        @Test
        void one_of_correlation_and_causation_survives_without_the_other() {
            IntegrationEvent causedOnly = withMetadata(ORDER_CREATED, null, CAUSATION_ID);
            IntegrationEvent correlatedOnly = withMetadata(ORDER_CREATED, CORRELATION_ID, null);

            assertThat(EventMessages.fromJson(EventMessages.toJson(causedOnly))).isEqualTo(canonical(causedOnly));
            assertThat(EventMessages.fromJson(EventMessages.toJson(correlatedOnly))).isEqualTo(canonical(correlatedOnly));
        }

        @Test
        void unicode_and_escapes_survive_in_the_envelope_and_the_payload() {
            IntegrationEvent event = new IntegrationEvent(ORDER_CREATED.eventId(), "OrderCreated", 1, "東京-テナント",
                    "Order", "注文-😀", 1, 1, ORDER_CREATED.recordedAt(), "corr-Zoë", "原因-✓",
                    "{\"customerName\":\"山田太郎 😀\",\"note\":\"say \\\"hi\\\" \\\\ O'Brien\\n<b>&amp;</b>\"}");

            IntegrationEvent read = EventMessages.fromJson(EventMessages.toJson(event));

            assertThat(read).isEqualTo(canonical(event));
            assertThat(json(read.payload()).getString("customerName")).isEqualTo("山田太郎 😀");
            assertThat(json(read.payload()).getString("note")).isEqualTo("say \"hi\" \\ O'Brien\n<b>&amp;</b>");
        }

        @Test
        void the_recorded_time_keeps_its_nanoseconds_and_a_whole_second_stays_whole() {
            IntegrationEvent precise = withRecordedAt(ORDER_CREATED, Instant.parse("2026-11-23T21:19:04.118123456Z"));
            IntegrationEvent whole = withRecordedAt(ORDER_CREATED, Instant.parse("2026-01-01T00:00:00Z"));

            assertThat(EventMessages.fromJson(EventMessages.toJson(precise)).recordedAt())
                    .isEqualTo(Instant.parse("2026-11-23T21:19:04.118123456Z"));
            assertThat(EventMessages.fromJson(EventMessages.toJson(whole)).recordedAt())
                    .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        }

        @Test
        void a_text_message_with_a_published_body_reads_as_the_event() {
            FakeMessage message = FakeMessage.withText(EventMessages.toJson(ORDER_CREATED));

            assertThat(EventMessages.read(message.jms())).isEqualTo(canonical(ORDER_CREATED));
        }

        @Test
        void the_message_properties_are_exactly_the_body_s_envelope() throws JMSException {
            // given an event published as a body and as message properties
            FakeMessage message = FakeMessage.blank();
            EventMessages.setProperties(message.jms(), ORDER_CREATED);
            JsonObject body = json(EventMessages.toJson(ORDER_CREATED));

            // then a selector on a property sees what the body says, for every envelope key and no other
            // (beside the broker's message group, JMSXGroupID)
            Map<String, String> envelope = body.entrySet().stream()
                    .filter(entry -> !entry.getKey().equals("payload"))
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> text(entry.getValue())));
            Map<String, String> properties = message.properties.entrySet().stream()
                    .filter(property -> !property.getKey().equals(EventMessages.GROUP))
                    .collect(Collectors.toMap(Map.Entry::getKey, property -> String.valueOf(property.getValue())));
            assertThat(properties).isEqualTo(envelope);
        }
    }

    @Nested
    @DisplayName("reading a body that is not an orderflow event")
    class RefusingBodies {

        @Test
        void the_body_the_other_cases_spoil_is_itself_readable() {
            assertThat(EventMessages.fromJson(ORDER_CREATED_BODY).eventType()).isEqualTo("OrderCreated");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "not json", "[]", "null", "42", "\"OrderCreated\"", "{", "{\"eventId\":"})
        void text_that_is_no_json_object_is_malformed(String body) {
            assertThatThrownBy(() -> EventMessages.fromJson(body))
                    .isInstanceOf(MalformedMessage.class)
                    .hasMessageStartingWith("not an orderflow event message");
        }

        @Test
        void no_text_at_all_is_malformed() {
            assertThatThrownBy(() -> EventMessages.fromJson(null)).isInstanceOf(MalformedMessage.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"eventId", "eventType", "schemaVersion", "tenantId", "streamType", "streamId",
                "streamVersion", "globalPosition", "recordedAt", "payload"})
        void a_body_without_a_required_key_is_malformed(String required) {
            String body = Json.createObjectBuilder(json(ORDER_CREATED_BODY)).remove(required).build().toString();

            assertThatThrownBy(() -> EventMessages.fromJson(body))
                    .isInstanceOf(MalformedMessage.class)
                    .hasMessageStartingWith("not an orderflow event message");
        }

        @ParameterizedTest
        @ValueSource(strings = {"eventId", "eventType", "schemaVersion", "tenantId", "streamType", "streamId",
                "streamVersion", "globalPosition", "recordedAt", "payload"})
        void a_body_with_null_for_a_required_key_is_malformed(String required) {
            String body = bodyWith(required, JsonValue.NULL);

            assertThatThrownBy(() -> EventMessages.fromJson(body)).isInstanceOf(MalformedMessage.class);
        }

        @ParameterizedTest(name = "{0} = {1}")
        @MethodSource("org.orderflow.messaging.EventMessagesBodyTest#wrongValues")
        void a_body_with_a_wrong_value_is_malformed(String key, JsonValue wrong) {
            String body = bodyWith(key, wrong);

            assertThatThrownBy(() -> EventMessages.fromJson(body))
                    .isInstanceOf(MalformedMessage.class)
                    .hasMessageStartingWith("not an orderflow event message")
                    .hasCauseInstanceOf(RuntimeException.class);
        }

        @Test
        void a_body_that_leaves_out_correlation_and_causation_reads_as_an_event_without_them() {
            String body = Json.createObjectBuilder(json(ORDER_CREATED_BODY))
                    .remove("correlationId").remove("causationId").build().toString();

            assertThat(EventMessages.fromJson(body)).isEqualTo(canonical(withMetadata(ORDER_CREATED, null, null)));
        }
    }

    static Stream<Arguments> wrongValues() {
        return Stream.of(
                Arguments.of("eventId", Json.createValue("not-a-uuid")),
                Arguments.of("eventId", Json.createValue(42)),
                Arguments.of("eventType", Json.createValue(1)),
                Arguments.of("schemaVersion", Json.createValue("1")),
                Arguments.of("streamVersion", Json.createValue(new BigDecimal("1.5"))),
                Arguments.of("streamVersion", Json.createValue("1")),
                Arguments.of("globalPosition", Json.createValue(new BigDecimal("9223372036854775808"))),
                Arguments.of("recordedAt", Json.createValue("yesterday")),
                Arguments.of("recordedAt", Json.createValue("2026-11-23 21:19:04")),
                Arguments.of("recordedAt", Json.createValue(1_700_000_000_000L)),
                Arguments.of("payload", Json.createValue("{}")),
                Arguments.of("payload", JsonValue.EMPTY_JSON_ARRAY));
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString string ? string.getString() : value.toString();
    }

    private static String bodyWith(String key, JsonValue value) {
        return Json.createObjectBuilder(json(ORDER_CREATED_BODY)).add(key, value).build().toString();
    }

    /** The event with its payload as JSON-P writes it: what a round trip gives back, whitespace aside. */
    private static IntegrationEvent canonical(IntegrationEvent event) {
        return withPayload(event, json(event.payload()).toString());
    }

    private static IntegrationEvent withPayload(IntegrationEvent e, String payload) {
        return new IntegrationEvent(e.eventId(), e.eventType(), e.schemaVersion(), e.tenantId(), e.streamType(),
                e.streamId(), e.streamVersion(), e.globalPosition(), e.recordedAt(), e.correlationId(), e.causationId(),
                payload);
    }

    private static IntegrationEvent withMetadata(IntegrationEvent e, String correlationId, String causationId) {
        return new IntegrationEvent(e.eventId(), e.eventType(), e.schemaVersion(), e.tenantId(), e.streamType(),
                e.streamId(), e.streamVersion(), e.globalPosition(), e.recordedAt(), correlationId, causationId,
                e.payload());
    }

    private static IntegrationEvent withRecordedAt(IntegrationEvent e, Instant recordedAt) {
        return new IntegrationEvent(e.eventId(), e.eventType(), e.schemaVersion(), e.tenantId(), e.streamType(),
                e.streamId(), e.streamVersion(), e.globalPosition(), recordedAt, e.correlationId(), e.causationId(),
                e.payload());
    }
}
