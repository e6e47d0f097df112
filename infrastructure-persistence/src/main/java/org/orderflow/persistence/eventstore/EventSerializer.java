package org.orderflow.persistence.eventstore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.orderflow.application.eventstore.EventCatalog;
import org.orderflow.application.eventstore.EventMetadata;
import org.orderflow.application.eventstore.EventTypeRegistry;
import org.orderflow.application.eventstore.EventTypeRegistry.EventType;
import java.util.Map;
import org.orderflow.domain.DomainEvent;
import org.orderflow.domain.versioning.UpcasterChain;

/**
 * Turns domain events into the stored JSON and back, through the stable names of the
 * {@link EventTypeRegistry}. Event records map directly (component names are the JSON keys);
 * the stored shape of each type and schema version is pinned by contract tests.
 */
public final class EventSerializer {

    /** A serialized event: its stored type name, schema version and JSON payload. */
    public record Serialized(String eventType, int schemaVersion, String payload) {
    }

    private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {
    };

    private final EventTypeRegistry registry;
    private final UpcasterChain upcasters;
    private final ObjectMapper payloadMapper;
    private final ObjectMapper metadataMapper;

    public EventSerializer() {
        this(EventCatalog.registry(), EventCatalog.upcasters());
    }

    public EventSerializer(EventTypeRegistry registry, UpcasterChain upcasters) {
        this.registry = registry;
        this.upcasters = upcasters;
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

    /** The stored type name resolved to the current type (following renames). */
    public EventType resolve(String eventType) {
        return registry.byName(eventType)
                .orElseThrow(() -> new UnreadableEvent("Unknown event type '" + eventType + "'"));
    }

    /**
     * Reads a stored payload as the current version of its type: older schema versions go
     * through the upcasters first; a version newer than this code knows is refused.
     */
    public DomainEvent deserialize(String eventType, int schemaVersion, String payload) {
        EventType type = resolve(eventType);
        if (schemaVersion > type.schemaVersion() || schemaVersion < 1) {
            throw new UnreadableEvent(eventType + " v" + schemaVersion + " is not a version this code knows (current: v"
                    + type.schemaVersion() + ")");
        }
        try {
            if (schemaVersion == type.schemaVersion()) {
                return payloadMapper.readValue(payload, type.javaType());
            }
            Map<String, Object> upcast = upcasters.upcast(type.name(), schemaVersion, type.schemaVersion(),
                    payloadMapper.readValue(payload, TREE));
            return payloadMapper.convertValue(upcast, type.javaType());
        } catch (JsonProcessingException | IllegalArgumentException | IllegalStateException e) {
            throw new UnreadableEvent("Cannot read " + eventType + " v" + schemaVersion + ": " + e.getMessage(), e);
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
            throw new UnreadableEvent("Cannot read event metadata: " + e.getOriginalMessage(), e);
        }
    }

    /** A stored event that the current code cannot turn back into a domain event. */
    public static final class UnreadableEvent extends RuntimeException {
        public UnreadableEvent(String message) {
            super(message);
        }

        public UnreadableEvent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
