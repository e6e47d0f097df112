package org.orderflow.domain.versioning;

import java.util.Map;

/**
 * Lifts the stored payload of one event type from schema version {@link #fromVersion()} to the
 * next. Must be pure and deterministic: the same stored data always yields the same event.
 */
public interface Upcaster {

    /** The event type's stored name. */
    String eventType();

    /** The version this upcaster reads; it produces {@code fromVersion() + 1}. */
    int fromVersion();

    /** A new tree in the next version's shape; the argument is not modified. */
    Map<String, Object> upcast(Map<String, Object> payload);
}
