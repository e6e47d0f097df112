package org.orderflow.persistence.readmodel;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** One product of the catalogue, deleted ones included (flagged). */
@Entity
@Table(name = "product_catalog")
public class ProductCatalogRow extends ReadModelRow {

    @EmbeddedId
    @AttributeOverride(name = "id", column = @Column(name = "product_id"))
    TenantKey key;

    @Override
    public TenantKey key() {
        return key;
    }

    @Column(name = "name", nullable = false)
    String name;

    @Column(name = "price_cents", nullable = false)
    long priceCents;

    @Column(name = "category_id", nullable = false)
    String categoryId;

    @Column(name = "sku", nullable = false)
    String sku;

    @Column(name = "deleted", nullable = false)
    boolean deleted;

    @Column(name = "deleted_at")
    Instant deletedAt;

    @Column(name = "stock_on_hand", nullable = false)
    long stockOnHand;

    @Column(name = "stock_reserved", nullable = false)
    long stockReserved;

    @Column(name = "stock_committed", nullable = false)
    long stockCommitted;

    protected ProductCatalogRow() {
    }

    ProductCatalogRow(TenantKey key) {
        this.key = key;
    }
}
