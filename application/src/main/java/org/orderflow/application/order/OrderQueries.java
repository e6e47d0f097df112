package org.orderflow.application.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.application.eventstore.RecordedEvent;

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

    /** The order as it was right after its version {@code version}; empty if it did not exist yet. */
    public Optional<OrderView> findAtVersion(String tenantId, UUID orderId, long version) {
        return orders.findAsOf(tenantId, orderId, recorded -> recorded.streamVersion() <= version)
                .map(loaded -> OrderView.of(loaded.aggregate(), loaded.version(), loaded.lastPosition()));
    }

    /** The order as it was at an instant (events recorded at or before it); empty if it did not exist yet. */
    public Optional<OrderView> findAsOf(String tenantId, UUID orderId, Instant instant) {
        return orders.findAsOf(tenantId, orderId, recorded -> !recorded.recordedAt().isAfter(instant))
                .map(loaded -> OrderView.of(loaded.aggregate(), loaded.version(), loaded.lastPosition()));
    }

    /** The order's events with their envelopes, paged by version. */
    public List<RecordedEvent> history(String tenantId, UUID orderId, long afterVersion, int limit) {
        return orders.history(tenantId, orderId, afterVersion, limit);
    }

    /** Orders of the tenant, newest first. */
    public List<OrderView> list(String tenantId, int offset, int limit) {
        return store.streamIds(tenantId, Orders.STREAM_TYPE, offset, limit).stream()
                .map(id -> find(tenantId, UUID.fromString(id)))
                .flatMap(Optional::stream)
                .toList();
    }
}
