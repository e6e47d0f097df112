package org.orderflow.persistence.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.orderflow.application.eventstore.EventCatalog;
import org.orderflow.application.eventstore.EventTypeRegistry.EventType;
import org.orderflow.domain.DomainEvent;
import org.orderflow.domain.order.ItemAdded;
import org.orderflow.domain.product.ProductCreated;
import org.orderflow.persistence.support.SampleEvents;

/**
 * Pins the stored JSON of every event type and schema version with golden files in
 * {@code src/test/resources/contracts/<type>/v<N>.json} (fixed ids, from {@link SampleEvents}).
 *
 * <p>Changing an event's shape fails {@link #the_current_version_of_every_type_is_stored_exactly_as_its_golden_file}.
 * The way forward is never to edit the golden file: bump the type's schema version in
 * {@code EventCatalog}, add an upcaster from the previous version, keep the old golden file and
 * add the new one, and state here what the old one reads as.
 */
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventSerializer serializer = new EventSerializer();

    /** What each historical golden file must read as today. */
    private static final Map<String, DomainEvent> OLD_VERSIONS_READ_AS = Map.of(
            "ItemAdded/v1", new ItemAdded(SampleEvents.ORDER, SampleEvents.LINE, "ノートPC", null, 2, 120_000),
            "ProductCreated/v1", new ProductCreated(SampleEvents.PRODUCT, "ノートPC", 120_000, "computers",
                    "COMP-" + SampleEvents.PRODUCT.toString().substring(0, 8).toUpperCase()));

    private static String golden(String type, int version) {
        String path = "contracts/" + type + "/v" + version + ".json";
        try (InputStream in = EventContractTest.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_current_version_of_every_type_is_stored_exactly_as_its_golden_file() throws IOException {
        for (DomainEvent sample : SampleEvents.all()) {
            EventSerializer.Serialized stored = serializer.serialize(sample);
            String golden = golden(stored.eventType(), stored.schemaVersion());
            if (golden == null) {
                fail("No golden file contracts/%s/v%d.json; if this is a new type or version, add it with:%n%s",
                        stored.eventType(), stored.schemaVersion(), stored.payload());
            }
            JsonNode expected = JSON.readTree(golden);
            assertThat(JSON.readTree(stored.payload()))
                    .as("%s v%d changed shape: add schema version %d with an upcaster instead",
                            stored.eventType(), stored.schemaVersion(), stored.schemaVersion() + 1)
                    .isEqualTo(expected);
            assertThat(serializer.deserialize(stored.eventType(), stored.schemaVersion(), golden)).isEqualTo(sample);
        }
    }

    @Test
    void every_historical_version_has_a_golden_file_and_reads_as_the_current_event() {
        for (EventType type : EventCatalog.registry().all()) {
            for (int version = 1; version < type.schemaVersion(); version++) {
                String key = type.name() + "/v" + version;
                String golden = golden(type.name(), version);
                assertThat(golden).as("golden file for %s", key).isNotNull();
                assertThat(OLD_VERSIONS_READ_AS).as("expected reading of %s", key).containsKey(key);

                assertThat(serializer.deserialize(type.name(), version, golden)).as(key)
                        .isEqualTo(OLD_VERSIONS_READ_AS.get(key));
            }
        }
    }

    @Test
    void every_type_with_older_versions_has_a_complete_upcaster_chain() {
        for (EventType type : EventCatalog.registry().all()) {
            assertThat(EventCatalog.upcasters().covers(type.name(), type.schemaVersion()))
                    .as("upcasters of %s up to v%d", type.name(), type.schemaVersion()).isTrue();
        }
    }

    @Test
    void the_samples_use_fixed_ids_so_golden_files_are_stable() {
        assertThat(SampleEvents.all()).isEqualTo(SampleEvents.all());
        assertThat(SampleEvents.ORDER).isEqualTo(UUID.fromString("00000000-0000-4000-8000-000000000001"));
    }
}
