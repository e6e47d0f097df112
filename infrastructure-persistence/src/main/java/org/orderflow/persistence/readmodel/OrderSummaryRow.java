package org.orderflow.persistence.readmodel;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the order list. */
@Entity
@Table(name = "order_summaries")
public class OrderSummaryRow implements VersionedRow {

    @EmbeddedId
    @AttributeOverride(name = "id", column = @Column(name = "order_id"))
    TenantKey key;

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

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "version", nullable = false)
    long version;

    protected OrderSummaryRow() {
    }

    OrderSummaryRow(TenantKey key) {
        this.key = key;
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public void advance(long version, Instant at) {
        this.version = version;
        this.updatedAt = at;
    }
}
