package org.orderflow.persistence.readmodel;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/** One order with everything a client shows on its page; lines and address as JSON. */
@Entity
@Table(name = "order_details")
public class OrderDetailsRow extends ReadModelRow {

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

    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "shipping_address", columnDefinition = "jsonb")
    String shippingAddressJson;

    @Column(name = "status", nullable = false)
    String status;

    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "lines", nullable = false, columnDefinition = "jsonb")
    String linesJson;

    @Column(name = "total_cents", nullable = false)
    long totalCents;

    @Column(name = "item_count", nullable = false)
    int itemCount;

    @Column(name = "reservation_id")
    String reservationId;

    @Column(name = "payment_id")
    String paymentId;

    @Column(name = "cancellation_reason")
    String cancellationReason;

    @Column(name = "cancellation_code")
    String cancellationCode;

    @Column(name = "cancellation_product_id")
    java.util.UUID cancellationProductId;

    @Column(name = "confirmed_at")
    Instant confirmedAt;

    @Column(name = "cancelled_at")
    Instant cancelledAt;

    /**
     * The lines as objects while a projector changes them (parsed once, written back to
     * {@link #linesJson} once per batch rather than once per event); null until first needed.
     */
    @jakarta.persistence.Transient
    java.util.List<OrderDetailsProjector.Line> lines;

    @jakarta.persistence.Transient
    boolean linesChanged;

    protected OrderDetailsRow() {
    }

    OrderDetailsRow(TenantKey key) {
        this.key = key;
    }
}
