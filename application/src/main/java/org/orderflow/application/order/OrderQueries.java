package org.orderflow.application.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.application.query.AggregateQueries;
import org.orderflow.domain.order.Order;

/**
 * Reads orders by replaying their streams. This is the interim read path until the order
 * projections exist; it is exact (always the latest committed state) but costs a load per
 * order, so lists are paged and bounded.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OrderQueries extends AggregateQueries<Order, OrderView> {

    protected OrderQueries() {
        // for CDI proxies
    }

    @Inject
    public OrderQueries(Orders orders, EventStore store) {
        super(orders, store, loaded -> OrderView.of(loaded.aggregate(), loaded.version(), loaded.lastPosition()));
    }

    /** Orders of the tenant, newest first. */
    public List<OrderView> list(String tenantId, int offset, int limit) {
        return page(tenantId, offset, limit);
    }
}
