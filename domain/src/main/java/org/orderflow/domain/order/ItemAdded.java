package org.orderflow.domain.order;

import java.util.UUID;

/**
 * A line was added to a pending order, at the unit price agreed at that moment. Schema v2; v1 had
 * no product id (see {@link ItemAddedV1ToV2}).
 *
 * @param productId the catalogue product, or {@code null} for an item sold by name only
 */
public record ItemAdded(UUID orderId, UUID lineId, String productName, UUID productId, int quantity,
        long unitPriceCents) implements OrderEvent {

    /** What the line adds to the order total (the aggregate refused any line whose total would overflow). */
    public long lineTotalCents() {
        return Math.multiplyExact(unitPriceCents, (long) quantity);
    }
}
