package org.orderflow.persistence.eventstore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.orderflow.application.eventstore.EventCatalog;
import org.orderflow.application.eventstore.EventMetadata;
import org.orderflow.application.eventstore.EventTypeRegistry;
import org.orderflow.application.eventstore.EventTypeRegistry.EventType;
import org.orderflow.domain.DomainEvent;

/**
 * Turns domain events into the stored JSON and back, through the stable names of the
 * {@link EventTypeRegistry}. Event records map directly (component names are the JSON keys);
 * the stored shape of each type and schema version is pinned by contract tests.
 */
public final class EventSerializer {

    /** A serialized event: its stored type name, schema version and JSON payload. */
    public record Serialized(String eventType, int schemaVersion, String payload) {
    }

    private final EventTypeRegistry registry;
    private final ObjectMapper payloadMapper;
    private final ObjectMapper metadataMapper;

    public EventSerializer() {
        this(EventCatalog.registry());
    }

    public EventSerializer(EventTypeRegistry registry) {
        this.registry = registry;
        this.payloadMapper = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        // Metadata is an open envelope: newer writers may add keys that older readers ignore.
        this.metadataMapper = new ObjectMapper()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public Serialized serialize(DomainEvent event) {
        EventType type = registry.typeOf(event.getClass());
        try {
            return new Serialized(type.name(), type.schemaVersion(), payloadMapper.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + type.name(), e);
        }
    }

    public DomainEvent deserialize(String eventType, int schemaVersion, String payload) {
        EventType type = registry.byName(eventType)
                .orElseThrow(() -> new UnreadableEvent("Unknown event type '" + eventType + "'"));
        if (schemaVersion != type.schemaVersion()) {
            throw new UnreadableEvent("No upcaster from " + eventType + " v" + schemaVersion
                    + " to v" + type.schemaVersion());
        }
        try {
            return payloadMapper.readValue(payload, type.javaType());
        } catch (JsonProcessingException e) {
            throw new UnreadableEvent("Cannot read " + eventType + " v" + schemaVersion + ": " + e.getOriginalMessage());
        }
    }

    public String serializeMetadata(EventMetadata metadata) {
        try {
            return metadataMapper.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize metadata", e);
        }
    }

    public EventMetadata deserializeMetadata(String json) {
        try {
            return metadataMapper.readValue(json, EventMetadata.class);
        } catch (JsonProcessingException e) {
            throw new UnreadableEvent("Cannot read event metadata: " + e.getOriginalMessage());
        }
    }

    /** A stored event that the current code cannot turn back into a domain event. */
    public static final class UnreadableEvent extends RuntimeException {
        public UnreadableEvent(String message) {
            super(message);
        }
    }
}
