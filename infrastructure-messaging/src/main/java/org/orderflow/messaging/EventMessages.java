package org.orderflow.messaging;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;
import org.orderflow.application.outbox.IntegrationEvent;

/**
 * The published message contract (see {@code docs/asyncapi.yaml}): a JSON text message whose
 * envelope keys are also set as message properties, so subscribers can filter with selectors
 * such as {@code eventType IN ('OrderConfirmed') AND tenantId = 'acme'}.
 */
public final class EventMessages {

    public static final String EVENT_ID = "eventId";
    /**
     * The JMS message group: the event's stream. A broker that groups messages (Artemis) hands one
     * stream's messages to one consumer at a time, so a subscription read by many consumers keeps each
     * stream's order; for the embedded engine it is just a property.
     */
    public static final String GROUP = "JMSXGroupID";
    public static final String EVENT_TYPE = "eventType";
    public static final String SCHEMA_VERSION = "schemaVersion";
    public static final String TENANT_ID = "tenantId";
    public static final String STREAM_TYPE = "streamType";
    public static final String STREAM_ID = "streamId";
    public static final String STREAM_VERSION = "streamVersion";
    public static final String GLOBAL_POSITION = "globalPosition";
    public static final String RECORDED_AT = "recordedAt";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String PAYLOAD = "payload";
    /** The W3C trace context of the publication (a message property only, never in the body). */
    public static final String TRACEPARENT = "traceparent";

    private EventMessages() {
    }

    /** The message body. */
    public static String toJson(IntegrationEvent event) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add(EVENT_ID, event.eventId().toString())
                .add(EVENT_TYPE, event.eventType())
                .add(SCHEMA_VERSION, event.schemaVersion())
                .add(TENANT_ID, event.tenantId())
                .add(STREAM_TYPE, event.streamType())
                .add(STREAM_ID, event.streamId())
                .add(STREAM_VERSION, event.streamVersion())
                .add(GLOBAL_POSITION, event.globalPosition())
                .add(RECORDED_AT, event.recordedAt().toString());
        addOrNull(body, CORRELATION_ID, event.correlationId());
        addOrNull(body, CAUSATION_ID, event.causationId());
        try (JsonReader payload = Json.createReader(new StringReader(event.payload()))) {
            body.add(PAYLOAD, payload.readObject());
        }
        return body.build().toString();
    }

    /** Sets the envelope keys as message properties. */
    public static void setProperties(Message message, IntegrationEvent event) throws JMSException {
        message.setStringProperty(EVENT_ID, event.eventId().toString());
        message.setStringProperty(EVENT_TYPE, event.eventType());
        message.setIntProperty(SCHEMA_VERSION, event.schemaVersion());
        message.setStringProperty(TENANT_ID, event.tenantId());
        message.setStringProperty(STREAM_TYPE, event.streamType());
        message.setStringProperty(STREAM_ID, event.streamId());
        message.setStringProperty(GROUP, event.tenantId() + "/" + event.streamType() + "/" + event.streamId());
        message.setLongProperty(STREAM_VERSION, event.streamVersion());
        message.setLongProperty(GLOBAL_POSITION, event.globalPosition());
        message.setStringProperty(RECORDED_AT, event.recordedAt().toString());
        if (event.correlationId() != null) {
            message.setStringProperty(CORRELATION_ID, event.correlationId());
            message.setJMSCorrelationID(event.correlationId());
        }
        if (event.causationId() != null) {
            message.setStringProperty(CAUSATION_ID, event.causationId());
        }
        if (event.traceParent() != null) {
            message.setStringProperty(TRACEPARENT, event.traceParent());
        }
        message.setJMSType(event.eventType());
    }

    /** The message's W3C traceparent property, or null if it has none (or an unreadable one). */
    public static String traceParent(Message message) {
        try {
            return message.getStringProperty(TRACEPARENT);
        } catch (JMSException | RuntimeException e) {
            return null;
        }
    }

    /** Reads a published message; throws {@link MalformedMessage} for anything else. */
    public static IntegrationEvent read(Message message) {
        try {
            if (!(message instanceof TextMessage text) || text.getText() == null) {
                throw new MalformedMessage("not a JSON text message: " + message.getJMSMessageID());
            }
            return fromJson(text.getText());
        } catch (JMSException e) {
            throw new MalformedMessage("unreadable message: " + e.getMessage(), e);
        }
    }

    public static IntegrationEvent fromJson(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject body = reader.readObject();
            return new IntegrationEvent(
                    UUID.fromString(body.getString(EVENT_ID)),
                    body.getString(EVENT_TYPE),
                    body.getInt(SCHEMA_VERSION),
                    body.getString(TENANT_ID),
                    body.getString(STREAM_TYPE),
                    body.getString(STREAM_ID),
                    body.getJsonNumber(STREAM_VERSION).longValueExact(),
                    body.getJsonNumber(GLOBAL_POSITION).longValueExact(),
                    Instant.parse(body.getString(RECORDED_AT)),
                    body.getString(CORRELATION_ID, null),
                    body.getString(CAUSATION_ID, null),
                    body.getJsonObject(PAYLOAD).toString());
        } catch (RuntimeException e) {
            throw new MalformedMessage("not an orderflow event message: " + e.getMessage(), e);
        }
    }

    private static void addOrNull(JsonObjectBuilder body, String key, String value) {
        if (value == null) {
            body.add(key, JsonValue.NULL);
        } else {
            body.add(key, value);
        }
    }

    /** A message that is not a readable orderflow event; redelivery cannot help, so it ends in the dead-letter queue. */
    public static final class MalformedMessage extends RuntimeException {
        public MalformedMessage(String message) {
            super(message);
        }

        public MalformedMessage(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
