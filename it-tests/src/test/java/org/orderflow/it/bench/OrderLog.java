package org.orderflow.it.bench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.orderflow.application.eventstore.EventMetadata;
import org.orderflow.application.eventstore.ExpectedVersion;
import org.orderflow.application.eventstore.NewEvent;
import org.orderflow.application.eventstore.StreamId;
import org.orderflow.domain.order.ItemAdded;
import org.orderflow.domain.order.OrderCreated;
import org.orderflow.persistence.eventstore.EventSerializer;
import org.orderflow.persistence.eventstore.JpaEventStore;
import org.orderflow.persistence.support.TestDatabase;

/** Fills a benchmark's log through the port: orders of one OrderCreated and ItemAdded events, 100 per transaction. */
final class OrderLog {

    private OrderLog() {
    }

    static void write(TestDatabase db, int orders, int eventsPerOrder, String area) {
        for (int from = 0; from < orders; from += 100) {
            db.run(em -> {
                JpaEventStore store = new JpaEventStore(em, Clock.systemUTC(), new EventSerializer());
                for (int o = 0; o < 100; o++) {
                    UUID id = UUID.randomUUID();
                    List<NewEvent> events = new ArrayList<>();
                    events.add(new NewEvent(UUID.randomUUID(), new OrderCreated(id, "bench", null, null), EventMetadata.EMPTY));
                    for (int i = 1; i < eventsPerOrder; i++) {
                        events.add(new NewEvent(UUID.randomUUID(), new ItemAdded(id, UUID.randomUUID(), "item", null, 1, 100),
                                EventMetadata.EMPTY));
                    }
                    store.append(StreamId.of("Order", id.toString()), ExpectedVersion.noStream(), events);
                }
            });
            if ((from + 100) % 2_000 == 0) {
                BenchReport.progress("%s: %,d / %,d orders written", area, from + 100, orders);
            }
        }
    }
}
