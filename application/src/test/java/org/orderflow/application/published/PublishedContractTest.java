package org.orderflow.application.published;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.orderflow.application.eventstore.EventCatalog;
import org.orderflow.application.eventstore.EventTypeRegistry.EventType;
import org.orderflow.domain.DomainEvent;
import org.orderflow.domain.order.ItemAdded;
import org.orderflow.domain.order.OrderCreated;
import org.orderflow.domain.order.OrderEvent;
import org.orderflow.domain.order.ShippingAddress;
import org.orderflow.domain.product.ProductEvent;

/** Every domain event has a published form, under its catalogue name, and the mapping carries its facts. */
class PublishedContractTest {

    private static final UUID ORDER = UUID.fromString("00000000-0000-4000-8000-000000000001");

    @Test
    void every_event_of_every_aggregate_is_published_under_its_catalogue_name() throws Exception {
        List<Class<?>> families = List.of(OrderEvent.class, ProductEvent.class);
        List<String> published = new ArrayList<>();
        for (Class<?> family : families) {
            for (Class<?> type : family.getPermittedSubclasses()) {
                // given any instance of the event type (its components defaulted)
                DomainEvent event = (DomainEvent) sample(type);
                // when it is published
                PublishedEvent form = PublishedContract.of(event);
                // then it goes out under the stable name the event store uses
                EventType stored = EventCatalog.registry().typeOf(event.getClass());
                assertThat(form.type()).as(type.getSimpleName()).isEqualTo(stored.name());
                assertThat(form.version()).isPositive();
                published.add(form.type());
            }
        }
        assertThat(published).doesNotHaveDuplicates().hasSize(EventCatalog.registry().all().size());
    }

    @Test
    void the_published_form_carries_the_events_facts() {
        var address = new ShippingAddress("1-2-3 Chiyoda", null, "Tokyo", "100-0001", "JP");
        var created = (PublishedEvent.OrderCreatedV1) PublishedContract.of(new OrderCreated(ORDER, "山田太郎", "c-1", address));
        assertThat(created.shippingAddress()).isEqualTo(new PublishedEvent.Address("1-2-3 Chiyoda", null, "Tokyo", "100-0001", "JP"));
        assertThat(created.customerName()).isEqualTo("山田太郎");

        UUID line = UUID.randomUUID();
        var added = (PublishedEvent.ItemAddedV2) PublishedContract.of(new ItemAdded(ORDER, line, "pen", null, 3, 150));
        assertThat(added).isEqualTo(new PublishedEvent.ItemAddedV2(ORDER, line, "pen", null, 3, 150));
    }

    /** An instance of a record event type with every component defaulted (ids and texts non-null). */
    private static Object sample(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> c = components[i].getType();
            types[i] = c;
            Object value = null;
            if (c == UUID.class) {
                value = ORDER;
            } else if (c == String.class) {
                value = "x";
            } else if (c == int.class) {
                value = 1;
            } else if (c == long.class) {
                value = 1L;
            }
            values[i] = value;
        }
        return type.getDeclaredConstructor(types).newInstance(values);
    }
}
