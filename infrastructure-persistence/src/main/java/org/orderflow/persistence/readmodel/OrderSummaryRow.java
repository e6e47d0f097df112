package org.orderflow.persistence.readmodel;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One line of the order list. */
@Entity
@Table(name = "order_summaries")
public class OrderSummaryRow extends ReadModelRow {

    @EmbeddedId
    @AttributeOverride(name = "id", column = @Column(name = "order_id"))
    TenantKey key;

    @Override
    public TenantKey key() {
        return key;
    }

    @Column(name = "customer_name", nullable = false)
    String customerName;

    @Column(name = "customer_id")
    String customerId;

    @Column(name = "status", nullable = false)
    String status;

    @Column(name = "total_cents", nullable = false)
    long totalCents;

    @Column(name = "item_count", nullable = false)
    int itemCount;

    protected OrderSummaryRow() {
    }

    OrderSummaryRow(TenantKey key) {
        this.key = key;
    }
}
