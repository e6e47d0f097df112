package org.orderflow.application.product;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.orderflow.application.command.EventSourcedRepository;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.domain.product.Product;
import org.orderflow.domain.product.ProductEvent;

/** Product streams: type {@code Product}, one per product id. */
@Dependent
public class Products extends EventSourcedRepository<Product, ProductEvent> {

    public static final String STREAM_TYPE = "Product";

    @Inject
    public Products(EventStore store) {
        super(store, STREAM_TYPE, ProductEvent.class, Product::replay);
    }
}
