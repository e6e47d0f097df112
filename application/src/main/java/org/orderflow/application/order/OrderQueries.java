package org.orderflow.application.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.orderflow.application.eventstore.EventStore;

/**
 * Reads orders by replaying their streams. This is the interim read path until the order
 * projections exist; it is exact (always the latest committed state) but costs a replay per
 * order, so lists are paged and bounded.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OrderQueries {

    private Orders orders;
    private EventStore store;

    protected OrderQueries() {
        // for CDI proxies
    }

    @Inject
    public OrderQueries(Orders orders, EventStore store) {
        this.orders = orders;
        this.store = store;
    }

    public Optional<OrderView> find(String tenantId, UUID orderId) {
        return orders.find(tenantId, orderId)
                .map(loaded -> OrderView.of(loaded.aggregate(), loaded.version(), loaded.lastPosition()));
    }

    /** Orders of the tenant, newest first. */
    public List<OrderView> list(String tenantId, int offset, int limit) {
        return store.streamIds(tenantId, Orders.STREAM_TYPE, offset, limit).stream()
                .map(id -> find(tenantId, UUID.fromString(id)))
                .flatMap(Optional::stream)
                .toList();
    }
}
