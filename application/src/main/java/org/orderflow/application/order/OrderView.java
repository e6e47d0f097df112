package org.orderflow.application.order;

import java.time.Instant;
import java.util.List;
import org.orderflow.application.command.Timeline;
import org.orderflow.application.query.VersionedView;
import org.orderflow.domain.order.Order;
import org.orderflow.domain.order.OrderLine;
import org.orderflow.domain.order.OrderStatus;
import org.orderflow.domain.order.ShippingAddress;

/** An order as clients read it, with the stream version it reflects. */
public record OrderView(
        String orderId,
        String customerName,
        String customerId,
        ShippingAddress shippingAddress,
        OrderStatus status,
        List<OrderLine> lines,
        long totalCents,
        int itemCount,
        String reservationId,
        String paymentId,
        String cancellationReason,
        String cancellationCode,
        String cancellationProductId,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant confirmedAt,
        Instant cancelledAt) implements VersionedView {

    static OrderView of(Order order, long version, Timeline timeline) {
        return new OrderView(order.id().toString(), order.customerName(), order.customerId(),
                order.shippingAddress(), order.status(), List.copyOf(order.lines()), order.totalCents(),
                order.itemCount(), order.reservationId(), order.paymentId(), order.cancellationReason(),
                order.cancellationCode(), order.cancellationProductId() == null ? null : order.cancellationProductId().toString(),
                version, timeline.first(), timeline.last(), timeline.at("OrderConfirmed"), timeline.at("OrderCancelled"));
    }
}
