package org.orderflow.application.eventstore;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.orderflow.domain.DomainEvent;

/**
 * Maps every event class to the stable name and current schema version it is stored under, and
 * back. Names are part of the stored contract: a Java class may be renamed or moved, the name
 * stays. Registration happens once at start-up; lookups are lock-free afterwards.
 */
public final class EventTypeRegistry {

    /** One registered event type. */
    public record EventType(String name, int schemaVersion, Class<? extends DomainEvent> javaType) {
    }

    private final Map<Class<? extends DomainEvent>, EventType> byClass;
    private final Map<String, EventType> byName;

    private EventTypeRegistry(Map<Class<? extends DomainEvent>, EventType> byClass, Map<String, EventType> byName) {
        this.byClass = Collections.unmodifiableMap(byClass);
        this.byName = Collections.unmodifiableMap(byName);
    }

    public static Builder builder() {
        return new Builder();
    }

    public EventType typeOf(Class<? extends DomainEvent> javaType) {
        EventType type = byClass.get(javaType);
        if (type == null) {
            throw new IllegalArgumentException("Event class not registered: " + javaType.getName());
        }
        return type;
    }

    /** The type stored under {@code name}: its current name, or a former name kept as an alias. */
    public Optional<EventType> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every registered type once (aliases are not listed separately). */
    public Collection<EventType> all() {
        return byClass.values();
    }

    /** Collects registrations; rejects duplicate names and classes. */
    public static final class Builder {
        private final Map<Class<? extends DomainEvent>, EventType> byClass = new LinkedHashMap<>();
        private final Map<String, EventType> byName = new LinkedHashMap<>();

        public Builder register(String name, int schemaVersion, Class<? extends DomainEvent> javaType) {
            if (schemaVersion < 1) {
                throw new IllegalArgumentException("schema version must be >= 1 for " + name);
            }
            EventType type = new EventType(name, schemaVersion, javaType);
            if (byName.putIfAbsent(name, type) != null) {
                throw new IllegalArgumentException("Event type name registered twice: " + name);
            }
            if (byClass.putIfAbsent(javaType, type) != null) {
                throw new IllegalArgumentException("Event class registered twice: " + javaType.getName());
            }
            return this;
        }

        /**
         * Keeps reading events stored under a type's former name after a rename: {@code formerName}
         * resolves to the type registered as {@code currentName}, whose schema versions continue.
         */
        public Builder alias(String formerName, String currentName) {
            EventType type = byName.get(currentName);
            if (type == null) {
                throw new IllegalArgumentException("Alias target not registered: " + currentName);
            }
            if (byName.putIfAbsent(formerName, type) != null) {
                throw new IllegalArgumentException("Event type name registered twice: " + formerName);
            }
            return this;
        }

        public EventTypeRegistry build() {
            return new EventTypeRegistry(new LinkedHashMap<>(byClass), new LinkedHashMap<>(byName));
        }
    }
}
