package org.orderflow.application.product;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.orderflow.application.command.EventSourcedRepository;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.domain.product.Product;
import org.orderflow.domain.product.ProductEvent;
import org.orderflow.domain.product.ProductSnapshot;
import org.orderflow.application.snapshot.SnapshotPolicy;
import org.orderflow.application.snapshot.SnapshotStore;
import org.orderflow.application.snapshot.Snapshotting;

/** Product streams: type {@code Product}, one per product id. */
@Dependent
public class Products extends EventSourcedRepository<Product, ProductEvent, ProductSnapshot> {

    public static final String STREAM_TYPE = "Product";

    static final Snapshotting<Product, ProductEvent, ProductSnapshot> SNAPSHOTTING = new Snapshotting<>(
            ProductSnapshot.class, ProductSnapshot.SCHEMA_VERSION, Product::snapshot, Product::restore, Product::apply);

    @Inject
    public Products(EventStore store, SnapshotStore snapshots, SnapshotPolicy policy) {
        super(store, STREAM_TYPE, ProductEvent.class, Product::replay, snapshots, policy, SNAPSHOTTING);
    }
}
