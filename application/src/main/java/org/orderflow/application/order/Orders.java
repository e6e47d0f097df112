package org.orderflow.application.order;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.orderflow.application.command.EventSourcedRepository;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.domain.order.Order;
import org.orderflow.domain.order.OrderEvent;
import org.orderflow.domain.order.OrderSnapshot;
import org.orderflow.application.snapshot.SnapshotPolicy;
import org.orderflow.application.snapshot.SnapshotStore;
import org.orderflow.application.snapshot.Snapshotting;

/** Order streams: type {@code Order}, one per order id. */
@Dependent
public class Orders extends EventSourcedRepository<Order, OrderEvent, OrderSnapshot> {

    public static final String STREAM_TYPE = "Order";

    static final Snapshotting<Order, OrderEvent, OrderSnapshot> SNAPSHOTTING = new Snapshotting<>(
            OrderSnapshot.class, OrderSnapshot.SCHEMA_VERSION, Order::snapshot, Order::restore, Order::apply);

    @Inject
    public Orders(EventStore store, SnapshotStore snapshots, SnapshotPolicy policy) {
        super(store, STREAM_TYPE, OrderEvent.class, Order::replay, snapshots, policy, SNAPSHOTTING);
    }
}
