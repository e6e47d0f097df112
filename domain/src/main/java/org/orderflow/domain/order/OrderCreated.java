package org.orderflow.domain.order;

import java.util.UUID;

/**
 * A customer opened an order; it starts pending and empty.
 *
 * @param customerName    the customer's name, trimmed
 * @param customerId      the customer's account, or {@code null} for a guest
 * @param shippingAddress where to ship, or {@code null} if not known yet
 */
public record OrderCreated(UUID orderId, String customerName, String customerId, ShippingAddress shippingAddress)
        implements OrderEvent {
}
