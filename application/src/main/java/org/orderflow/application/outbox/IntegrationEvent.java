package org.orderflow.application.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored event as published to other systems: the envelope keys (also sent as message
 * properties, for selectors) and the payload in the event type's current schema version.
 *
 * @param eventId        the event's unique id; consumers deduplicate on it
 * @param eventType      the type's stable name, e.g. {@code OrderConfirmed}
 * @param schemaVersion  the schema version of {@code payload} (always the current one)
 * @param tenantId       the tenant the stream belongs to
 * @param streamType     the aggregate type, e.g. {@code Order}
 * @param streamId       the aggregate id
 * @param streamVersion  the event's version within its stream; consecutive per stream
 * @param globalPosition the event's position in the global log
 * @param recordedAt     when it was appended
 * @param correlationId  the request that set it in motion, if known
 * @param causationId    the message that caused it, if known
 * @param payload        the event's fields as a JSON object
 * @param traceParent    the W3C traceparent stored with the event (its trace), or null; travels as a
 *                       message property, not in the body
 */
public record IntegrationEvent(
        UUID eventId,
        String eventType,
        int schemaVersion,
        String tenantId,
        String streamType,
        String streamId,
        long streamVersion,
        long globalPosition,
        Instant recordedAt,
        String correlationId,
        String causationId,
        String payload,
        String traceParent) {

    /** An event outside any trace. */
    public IntegrationEvent(UUID eventId, String eventType, int schemaVersion, String tenantId, String streamType,
                            String streamId, long streamVersion, long globalPosition, Instant recordedAt,
                            String correlationId, String causationId, String payload) {
        this(eventId, eventType, schemaVersion, tenantId, streamType, streamId, streamVersion, globalPosition, recordedAt,
                correlationId, causationId, payload, null);
    }

    public IntegrationEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(streamType, "streamType");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(payload, "payload");
    }
}
