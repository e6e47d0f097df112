package org.orderflow.persistence.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.orderflow.application.eventstore.EventCatalog;
import org.orderflow.application.eventstore.EventMetadata;
import org.orderflow.application.eventstore.EventTypeRegistry.EventType;
import org.orderflow.domain.DomainEvent;
import org.orderflow.persistence.support.SampleEvents;

class EventSerializerTest {

    private final EventSerializer serializer = new EventSerializer();

    @Test
    void every_registered_event_type_has_a_sample() {
        Set<Class<?>> sampled = SampleEvents.all().stream().map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> registered = EventCatalog.registry().all().stream()
                .map(EventType::javaType).collect(Collectors.toSet());

        assertThat(sampled).isEqualTo(registered);
    }

    @Test
    void every_event_type_round_trips_under_its_stable_name() {
        for (DomainEvent event : SampleEvents.all()) {
            EventSerializer.Serialized stored = serializer.serialize(event);

            assertThat(stored.eventType()).isEqualTo(event.getClass().getSimpleName());
            assertThat(stored.schemaVersion()).isEqualTo(EventCatalog.registry().typeOf(event.getClass()).schemaVersion());
            assertThat(serializer.deserialize(stored.eventType(), stored.schemaVersion(), stored.payload()))
                    .isEqualTo(event);
        }
    }

    @Test
    void the_java_class_name_is_not_part_of_the_stored_form() {
        for (DomainEvent event : SampleEvents.all()) {
            assertThat(serializer.serialize(event).payload()).doesNotContain("org.orderflow");
        }
    }

    @Test
    void unknown_type_and_unknown_schema_version_are_reported_not_guessed() {
        assertThatThrownBy(() -> serializer.deserialize("Nope", 1, "{}"))
                .isInstanceOf(EventSerializer.UnreadableEvent.class).hasMessageContaining("Nope");
        assertThatThrownBy(() -> serializer.deserialize("OrderConfirmed", 7, "{}"))
                .isInstanceOf(EventSerializer.UnreadableEvent.class).hasMessageContaining("v7");
    }

    @Test
    void metadata_round_trips_and_omits_absent_fields() {
        EventMetadata metadata = new EventMetadata("corr-1", "cause-1", "alice", "orderflow-api", null);

        String json = serializer.serializeMetadata(metadata);

        assertThat(json).doesNotContain("traceId");
        assertThat(serializer.deserializeMetadata(json)).isEqualTo(metadata);
        assertThat(serializer.deserializeMetadata("{\"correlationId\":\"c\",\"futureKey\":1}").correlationId())
                .isEqualTo("c");
    }
}
