package org.orderflow.application.order;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.orderflow.application.command.EventSourcedRepository;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.domain.order.Order;
import org.orderflow.domain.order.OrderEvent;

/** Order streams: type {@code Order}, one per order id. */
@Dependent
public class Orders extends EventSourcedRepository<Order, OrderEvent> {

    public static final String STREAM_TYPE = "Order";

    @Inject
    public Orders(EventStore store) {
        super(store, STREAM_TYPE, OrderEvent.class, Order::replay);
    }
}
