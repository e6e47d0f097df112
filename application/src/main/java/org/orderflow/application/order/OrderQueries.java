package org.orderflow.application.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.orderflow.application.query.AggregateQueries;
import org.orderflow.domain.order.Order;

/**
 * Reads an order by replaying its stream: its state at a version or an instant, and its
 * history. Current state and lists come from the read models ({@link OrderReadModel}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OrderQueries extends AggregateQueries<Order, OrderView> {

    protected OrderQueries() {
        // for CDI proxies
    }

    @Inject
    public OrderQueries(Orders orders) {
        super(orders, loaded -> OrderView.of(loaded.aggregate(), loaded.version(), loaded.timeline()));
    }
}
