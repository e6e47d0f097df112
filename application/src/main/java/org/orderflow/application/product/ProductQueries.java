package org.orderflow.application.product;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.application.query.AggregateQueries;
import org.orderflow.domain.product.Product;

/** Reads products by replaying their streams (interim read path until the catalogue projection exists). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProductQueries extends AggregateQueries<Product, ProductView> {

    protected ProductQueries() {
        // for CDI proxies
    }

    @Inject
    public ProductQueries(Products products, EventStore store) {
        super(products, store, loaded -> ProductView.of(loaded.aggregate(), loaded.version(), loaded.lastPosition()));
    }

    /** Products of the tenant, newest first; deleted ones only when asked for (a page may then hold fewer). */
    public List<ProductView> list(String tenantId, int offset, int limit, boolean includeDeleted) {
        return page(tenantId, offset, limit).stream().filter(view -> includeDeleted || !view.deleted()).toList();
    }
}
