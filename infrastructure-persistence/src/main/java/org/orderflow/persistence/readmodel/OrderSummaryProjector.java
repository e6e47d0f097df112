package org.orderflow.persistence.readmodel;

import org.orderflow.domain.order.OrderEvent;
import org.orderflow.domain.order.OrderStatus;
import org.orderflow.application.order.OrderReadModel;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.orderflow.domain.order.CheckoutStarted;
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

    public static final String NAME = OrderReadModel.SUMMARIES_PROJECTOR;

    @Inject
    public OrderSummaryProjector(EntityManager em) {
        super(em, OrderSummaryRow.class);
        on(OrderCreated.class, (event, envelope) -> create(envelope, key -> {
            OrderSummaryRow row = new OrderSummaryRow(key);
            row.customerName = event.customerName();
            row.customerId = event.customerId();
            row.status = OrderStatus.after(null, event).name();
            row.createdAt = envelope.recordedAt();
            return row;
        }));
        on(ItemAdded.class, (event, envelope) -> update(envelope, row -> {
            row.totalCents = Math.addExact(row.totalCents, event.lineTotalCents());
            row.itemCount += event.quantity();
        }));
        on(ItemRemoved.class, (event, envelope) -> update(envelope, row -> {
            row.totalCents = Math.subtractExact(row.totalCents, event.lineTotalCents());
            row.itemCount -= event.quantity();
        }));
        on(InventoryReserved.class, (event, envelope) -> update(envelope, row -> row.status = next(row, event)));
        on(PaymentProcessed.class, (event, envelope) -> update(envelope, row -> row.status = next(row, event)));
        on(OrderConfirmed.class, (event, envelope) -> update(envelope, row -> row.status = next(row, event)));
        on(OrderCancelled.class, (event, envelope) -> update(envelope, row -> row.status = next(row, event)));
        on(CheckoutStarted.class, (event, envelope) -> update(envelope, row -> row.status = next(row, event)));
    }

    private static String next(OrderSummaryRow row, OrderEvent event) {
        return OrderStatus.after(OrderStatus.valueOf(row.status), event).name();
    }

    @Override
    public String name() {
        return NAME;
    }
}
