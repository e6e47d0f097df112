package org.orderflow.domain.order;

import java.util.List;
import java.util.UUID;

/**
 * The explicit, versioned snapshot form of an {@link Order}: plain data, independent of the
 * aggregate's fields, so the class can change without breaking stored snapshots. A change to
 * this shape bumps {@link #SCHEMA_VERSION}; snapshots of another version are ignored and the
 * order is replayed from its events.
 *
 * <p>v3 added the checkout fields. v2 dropped v1's list of every line id ever used: line ids are unique among current lines.
 */
public record OrderSnapshot(
        UUID orderId,
        String customerName,
        String customerId,
        ShippingAddress shippingAddress,
        OrderStatus status,
        List<Line> lines,
        String reservationId,
        String paymentId,
        String cancellationReason,
        boolean checkout,
        String cancellationCode,
        UUID cancellationProductId) {

    /** v3 added the checkout: whether it ran, and a failed checkout's reason code and product. */
    public static final int SCHEMA_VERSION = 3;

    public OrderSnapshot {
        lines = List.copyOf(lines);
    }

    /** One order line, in order. */
    public record Line(UUID lineId, String productName, UUID productId, int quantity, long unitPriceCents) {
    }
}
