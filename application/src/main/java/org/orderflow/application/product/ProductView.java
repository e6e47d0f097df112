package org.orderflow.application.product;

import org.orderflow.application.query.VersionedView;
import org.orderflow.domain.product.Product;

/** A product as clients read it, with the stream version it reflects. */
public record ProductView(String productId, String name, long priceCents, String categoryId, String sku,
                          boolean deleted, long version, long lastPosition) implements VersionedView {

    static ProductView of(Product product, long version, long lastPosition) {
        return new ProductView(product.id().toString(), product.name(), product.priceCents(), product.categoryId(),
                product.sku(), product.deleted(), version, lastPosition);
    }
}
