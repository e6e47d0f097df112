package org.orderflow.application.product;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.orderflow.application.query.AggregateQueries;
import org.orderflow.domain.product.Product;

/** Reads a product by replaying its stream (past states, history); current state comes from {@link ProductCatalog}. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProductQueries extends AggregateQueries<Product, ProductView> {

    protected ProductQueries() {
        // for CDI proxies
    }

    @Inject
    public ProductQueries(Products products) {
        super(products, loaded -> ProductView.of(loaded.aggregate(), loaded.version(), loaded.timeline()));
    }
}
