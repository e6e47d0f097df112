package org.orderflow.domain.order;

import java.util.UUID;

/**
 * A line was taken off a pending order. It repeats what the line held, so a read model can
 * subtract it without looking the line up.
 */
public record ItemRemoved(UUID orderId, UUID lineId, String productName, int quantity, long unitPriceCents)
        implements OrderEvent {

    /** What the line took off the order total. */
    public long lineTotalCents() {
        return Math.multiplyExact(unitPriceCents, (long) quantity);
    }
}
