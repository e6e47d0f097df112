package org.orderflow.persistence.readmodel;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.orderflow.domain.order.InventoryReserved;
import org.orderflow.domain.order.ItemAdded;
import org.orderflow.domain.order.ItemRemoved;
import org.orderflow.domain.order.OrderCancelled;
import org.orderflow.domain.order.OrderConfirmed;
import org.orderflow.domain.order.OrderCreated;
import org.orderflow.domain.order.PaymentProcessed;

/** Order summaries for lists: customer, status, total, item count. */
@Dependent
public class OrderSummaryProjector extends RowProjector<OrderSummaryRow> {

    public static final String NAME = "order-summary";

    @Inject
    public OrderSummaryProjector(EntityManager em) {
        super(em, OrderSummaryRow.class);
        on(OrderCreated.class, (event, envelope) -> create(envelope, key -> {
            OrderSummaryRow row = new OrderSummaryRow(key);
            row.customerName = event.customerName();
            row.customerId = event.customerId();
            row.status = "PENDING";
            row.createdAt = envelope.recordedAt();
            return row;
        }));
        on(ItemAdded.class, (event, envelope) -> update(envelope, row -> {
            row.totalCents += event.quantity() * event.unitPriceCents();
            row.itemCount += event.quantity();
        }));
        on(ItemRemoved.class, (event, envelope) -> update(envelope, row -> {
            row.totalCents -= event.quantity() * event.unitPriceCents();
            row.itemCount -= event.quantity();
        }));
        on(InventoryReserved.class, (event, envelope) -> update(envelope, row -> row.status = "INVENTORY_RESERVED"));
        on(PaymentProcessed.class, (event, envelope) -> update(envelope, row -> row.status = "PAYMENT_PROCESSED"));
        on(OrderConfirmed.class, (event, envelope) -> update(envelope, row -> row.status = "CONFIRMED"));
        on(OrderCancelled.class, (event, envelope) -> update(envelope, row -> row.status = "CANCELLED"));
    }

    @Override
    public String name() {
        return NAME;
    }
}
