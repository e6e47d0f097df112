package org.orderflow.application.eventstore;

import java.util.Objects;

/**
 * Identifies one event stream (one aggregate instance). A stream is keyed by tenant and id;
 * the type names the aggregate kind and is stored with every event of the stream.
 */
public record StreamId(String tenantId, String type, String id) {

    public static final String DEFAULT_TENANT = "default";

    public StreamId {
        requireText(tenantId, "tenantId");
        requireText(type, "type");
        requireText(id, "id");
    }

    public static StreamId of(String type, String id) {
        return new StreamId(DEFAULT_TENANT, type, id);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    @Override
    public String toString() {
        return tenantId + "/" + type + "/" + id;
    }
}
