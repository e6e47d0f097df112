package org.orderflow.persistence.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderflow.application.eventstore.EventCatalog;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.application.eventstore.EventTypeRegistry;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.application.eventstore.StreamId;
import org.orderflow.domain.order.ItemAdded;
import org.orderflow.domain.order.OrderCreated;
import org.orderflow.domain.product.ProductCreated;
import org.orderflow.persistence.support.TestDatabase;

/** Rows written in old schema versions, inserted with plain SQL, read back through the port as current events. */
class UpcastingTest {

    private static TestDatabase db;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static EventStore store(EntityManager em, EventSerializer serializer) {
        return new JpaEventStore(em, Clock.systemUTC(), serializer);
    }

    private static void insert(String streamType, String streamId, long version, String eventType, int schemaVersion,
                               String payload) throws SQLException {
        try (Connection connection = db.connection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO events (position, event_id, tenant_id, stream_id, stream_type, stream_version,
                                         event_type, schema_version, payload, recorded_at)
                     VALUES (nextval('events_position_seq'), ?, 'default', ?, ?, ?, ?, ?, ?::jsonb, now())""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, streamId);
            insert.setString(3, streamType);
            insert.setLong(4, version);
            insert.setString(5, eventType);
            insert.setInt(6, schemaVersion);
            insert.setString(7, payload);
            insert.executeUpdate();
        }
    }

    private static List<RecordedEvent> load(StreamId stream, EventSerializer serializer) {
        return db.inTransaction(em -> store(em, serializer).load(stream));
    }

    @Test
    void a_v1_product_created_row_loads_as_v2_with_a_derived_sku() throws SQLException {
        UUID product = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");
        insert("Product", product.toString(), 1, "ProductCreated", 1,
                "{\"productId\":\"" + product + "\",\"name\":\"Keyboard\",\"priceCents\":4999,\"categoryId\":\"peripherals\"}");

        List<RecordedEvent> loaded = load(StreamId.of("Product", product.toString()), new EventSerializer());

        assertThat(loaded).singleElement().satisfies(recorded -> {
            assertThat(recorded.schemaVersion()).as("the stored version is reported").isEqualTo(1);
            assertThat(recorded.event()).isEqualTo(
                    new ProductCreated(product, "Keyboard", 4999, "peripherals", "PERI-7C9E6679"));
        });
    }

    @Test
    void a_v1_item_added_row_loads_with_an_explicitly_unknown_product() throws SQLException {
        UUID order = UUID.randomUUID();
        UUID line = UUID.randomUUID();
        insert("Order", order.toString(), 1, "OrderCreated", 1,
                "{\"orderId\":\"" + order + "\",\"customerName\":\"山田太郎\",\"customerId\":null,\"shippingAddress\":null}");
        insert("Order", order.toString(), 2, "ItemAdded", 1, "{\"orderId\":\"" + order + "\",\"lineId\":\"" + line
                + "\",\"productName\":\"ノートPC\",\"quantity\":1,\"unitPriceCents\":120000}");

        List<RecordedEvent> loaded = load(StreamId.of("Order", order.toString()), new EventSerializer());

        assertThat(loaded).extracting(RecordedEvent::event).containsExactly(
                new OrderCreated(order, "山田太郎", null, null),
                new ItemAdded(order, line, "ノートPC", null, 1, 120_000));
    }

    @Test
    void events_stored_under_a_former_type_name_load_under_the_current_name() throws SQLException {
        UUID order = UUID.randomUUID();
        insert("Order", order.toString(), 1, "OrderOpened", 1,
                "{\"orderId\":\"" + order + "\",\"customerName\":\"Ada\",\"customerId\":null,\"shippingAddress\":null}");
        EventTypeRegistry.Builder renamed = EventTypeRegistry.builder();
        EventCatalog.registry().all().forEach(type -> renamed.register(type.name(), type.schemaVersion(), type.javaType()));
        EventSerializer serializer = new EventSerializer(renamed.alias("OrderOpened", "OrderCreated").build(),
                EventCatalog.upcasters());

        List<RecordedEvent> loaded = load(StreamId.of("Order", order.toString()), serializer);

        assertThat(loaded).singleElement().satisfies(recorded -> {
            assertThat(recorded.eventType()).isEqualTo("OrderCreated");
            assertThat(recorded.event()).isEqualTo(new OrderCreated(order, "Ada", null, null));
        });
    }

    @Test
    void a_schema_version_newer_than_the_code_is_refused_not_guessed() throws SQLException {
        UUID product = UUID.randomUUID();
        insert("Product", product.toString(), 1, "ProductCreated", 9, "{\"productId\":\"" + product + "\"}");

        assertThatThrownBy(() -> load(StreamId.of("Product", product.toString()), new EventSerializer()))
                .isInstanceOf(EventSerializer.UnreadableEvent.class)
                .hasMessageContaining("ProductCreated v9");
    }
}
