package org.orderflow.application.product;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.application.eventstore.RecordedEvent;

/** Reads products by replaying their streams (interim read path until the catalogue projection exists). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProductQueries {

    private Products products;
    private EventStore store;

    protected ProductQueries() {
        // for CDI proxies
    }

    @Inject
    public ProductQueries(Products products, EventStore store) {
        this.products = products;
        this.store = store;
    }

    public Optional<ProductView> find(String tenantId, UUID productId) {
        return products.find(tenantId, productId)
                .map(loaded -> ProductView.of(loaded.aggregate(), loaded.version(), loaded.lastPosition()));
    }

    /** The product as it was right after its version {@code version}; empty if it did not exist yet. */
    public Optional<ProductView> findAtVersion(String tenantId, UUID productId, long version) {
        return products.findAsOf(tenantId, productId, recorded -> recorded.streamVersion() <= version)
                .map(loaded -> ProductView.of(loaded.aggregate(), loaded.version(), loaded.lastPosition()));
    }

    /** The product as it was at an instant; empty if it did not exist yet. */
    public Optional<ProductView> findAsOf(String tenantId, UUID productId, Instant instant) {
        return products.findAsOf(tenantId, productId, recorded -> !recorded.recordedAt().isAfter(instant))
                .map(loaded -> ProductView.of(loaded.aggregate(), loaded.version(), loaded.lastPosition()));
    }

    /** The product's events with their envelopes, paged by version. */
    public List<RecordedEvent> history(String tenantId, UUID productId, long afterVersion, int limit) {
        return products.history(tenantId, productId, afterVersion, limit);
    }

    /** Products of the tenant, newest first; deleted ones only when asked for. */
    public List<ProductView> list(String tenantId, int offset, int limit, boolean includeDeleted) {
        return store.streamIds(tenantId, Products.STREAM_TYPE, offset, limit).stream()
                .map(id -> find(tenantId, UUID.fromString(id)))
                .flatMap(Optional::stream)
                .filter(view -> includeDeleted || !view.deleted())
                .toList();
    }
}
