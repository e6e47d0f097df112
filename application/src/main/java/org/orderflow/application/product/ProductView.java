package org.orderflow.application.product;

import java.time.Instant;
import org.orderflow.application.command.Timeline;
import org.orderflow.application.query.VersionedView;
import org.orderflow.domain.product.Product;

/** A product as clients read it, with the stream version it reflects. */
public record ProductView(String productId, String name, long priceCents, String categoryId, String sku,
                          boolean deleted, long version, Instant createdAt, Instant updatedAt, Instant deletedAt,
                          Stock stock) implements VersionedView {

    /** Units on hand = available + reserved + committed. */
    public record Stock(long onHand, long reserved, long committed, long available) {
    }

    static ProductView of(Product product, long version, Timeline timeline) {
        return new ProductView(product.id().toString(), product.name(), product.priceCents(), product.categoryId(),
                product.sku(), product.deleted(), version, timeline.first(), timeline.last(),
                timeline.at("ProductDeleted"),
                new Stock(product.onHand(), product.reserved(), product.committed(), product.available()));
    }
}
