package org.orderflow.persistence.readmodel;

import org.orderflow.application.product.ProductCatalog;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.orderflow.domain.product.PriceUpdated;
import org.orderflow.domain.product.ProductCreated;
import org.orderflow.domain.product.ProductDeleted;
import org.orderflow.domain.product.StockCommitted;
import org.orderflow.domain.product.StockReceived;
import org.orderflow.domain.product.StockReleased;
import org.orderflow.domain.product.StockReserved;

/** The product catalogue: name, price, category, SKU, deleted flag and time, and the stock figures. */
@Dependent
public class ProductCatalogProjector extends RowProjector<ProductCatalogRow> {

    public static final String NAME = ProductCatalog.PROJECTOR;

    @Inject
    public ProductCatalogProjector(EntityManager em) {
        super(em, ProductCatalogRow.class);
        on(ProductCreated.class, (event, envelope) -> create(envelope, key -> {
            ProductCatalogRow row = new ProductCatalogRow(key);
            row.name = event.name();
            row.priceCents = event.priceCents();
            row.categoryId = event.categoryId();
            row.sku = event.sku();
            row.createdAt = envelope.recordedAt();
            return row;
        }));
        on(PriceUpdated.class, (event, envelope) -> update(envelope, row -> row.priceCents = event.newPriceCents()));
        on(ProductDeleted.class, (event, envelope) -> update(envelope, row -> {
            row.deleted = true;
            row.deletedAt = envelope.recordedAt();
        }));
        on(StockReceived.class, (event, envelope) -> update(envelope, row -> row.stockOnHand += event.quantity()));
        on(StockReserved.class, (event, envelope) -> update(envelope, row -> row.stockReserved += event.quantity()));
        on(StockReleased.class, (event, envelope) -> update(envelope, row -> row.stockReserved -= event.quantity()));
        on(StockCommitted.class, (event, envelope) -> update(envelope, row -> {
            row.stockReserved -= event.quantity();
            row.stockCommitted += event.quantity();
        }));
    }

    @Override
    public String name() {
        return NAME;
    }
}
