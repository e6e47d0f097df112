package org.orderflow.persistence.readmodel;

import org.orderflow.domain.order.OrderEvent;
import org.orderflow.domain.order.OrderStatus;
import org.orderflow.application.order.OrderReadModel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.orderflow.domain.order.CheckoutFailed;
import org.orderflow.domain.order.CheckoutStarted;
import org.orderflow.domain.order.InventoryReserved;
import org.orderflow.domain.order.ItemAdded;
import org.orderflow.domain.order.ItemRemoved;
import org.orderflow.domain.order.OrderCancelled;
import org.orderflow.domain.order.OrderConfirmed;
import org.orderflow.domain.order.OrderCreated;
import org.orderflow.domain.order.PaymentProcessed;
import org.orderflow.domain.order.ShippingAddress;

/** Order details: one row per order with its lines, totals, reservation, payment and timestamps. */
@Dependent
public class OrderDetailsProjector extends RowProjector<OrderDetailsRow> {

    public static final String NAME = OrderReadModel.DETAILS_PROJECTOR;

    /** A line as stored in the {@code lines} JSON column. */
    public record Line(UUID lineId, String productName, UUID productId, int quantity, long unitPriceCents) {
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final TypeReference<List<Line>> LINES = new TypeReference<>() {
    };

    @Inject
    public OrderDetailsProjector(EntityManager em) {
        super(em, OrderDetailsRow.class);
        on(OrderCreated.class, (event, envelope) -> create(envelope, key -> {
            OrderDetailsRow row = new OrderDetailsRow(key);
            row.customerName = event.customerName();
            row.customerId = event.customerId();
            row.shippingAddressJson = event.shippingAddress() == null ? null : write(event.shippingAddress());
            row.status = OrderStatus.after(null, event).name();
            row.linesJson = "[]";
            row.lines = new ArrayList<>();
            row.createdAt = envelope.recordedAt();
            return row;
        }));
        on(ItemAdded.class, (event, envelope) -> update(envelope, row -> {
            editableLines(row).add(new Line(event.lineId(), event.productName(), event.productId(), event.quantity(),
                    event.unitPriceCents()));
            row.totalCents = Math.addExact(row.totalCents, event.lineTotalCents());
            row.itemCount += event.quantity();
        }));
        on(ItemRemoved.class, (event, envelope) -> update(envelope, row -> {
            editableLines(row).removeIf(line -> line.lineId().equals(event.lineId()));
            row.totalCents = Math.subtractExact(row.totalCents, event.lineTotalCents());
            row.itemCount -= event.quantity();
        }));
        on(InventoryReserved.class, (event, envelope) -> update(envelope, row -> {
            row.status = next(row, event);
            row.reservationId = event.reservationId();
        }));
        on(PaymentProcessed.class, (event, envelope) -> update(envelope, row -> {
            row.status = next(row, event);
            row.paymentId = event.paymentId();
        }));
        on(OrderConfirmed.class, (event, envelope) -> update(envelope, row -> {
            row.status = next(row, event);
            row.confirmedAt = envelope.recordedAt();
        }));
        on(CheckoutStarted.class, (event, envelope) -> update(envelope, row -> row.status = next(row, event)));
        on(CheckoutFailed.class, (event, envelope) -> update(envelope, row -> {
            row.cancellationCode = event.reasonCode();
            row.cancellationProductId = event.productId();
        }));
        on(OrderCancelled.class, (event, envelope) -> update(envelope, row -> {
            row.status = next(row, event);
            row.cancellationReason = event.reason();
            row.cancelledAt = envelope.recordedAt();
        }));
    }

    @Override
    public String name() {
        return NAME;
    }

    private static String next(OrderDetailsRow row, OrderEvent event) {
        return OrderStatus.after(OrderStatus.valueOf(row.status), event).name();
    }

    @Override
    protected void beforeWrite(OrderDetailsRow row) {
        if (row.linesChanged) {
            row.linesJson = write(row.lines);
            row.linesChanged = false;
        }
    }

    /** The row's lines, parsed once and kept on the row; written back by {@link #beforeWrite}. */
    private static List<Line> editableLines(OrderDetailsRow row) {
        if (row.lines == null) {
            row.lines = new ArrayList<>(parse(row));
        }
        row.linesChanged = true;
        return row.lines;
    }

    static List<Line> lines(OrderDetailsRow row) {
        return row.lines != null ? List.copyOf(row.lines) : parse(row);
    }

    private static List<Line> parse(OrderDetailsRow row) {
        try {
            return JSON.readValue(row.linesJson, LINES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable lines of order " + row.key.id(), e);
        }
    }

    static ShippingAddress address(OrderDetailsRow row) {
        try {
            return row.shippingAddressJson == null ? null : JSON.readValue(row.shippingAddressJson, ShippingAddress.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable address of order " + row.key.id(), e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
