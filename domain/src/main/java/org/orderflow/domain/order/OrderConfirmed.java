package org.orderflow.domain.order;

import java.util.UUID;

/**
 * The order was accepted for fulfilment; this is final.
 *
 * @param totalCents the order total at confirmation
 */
public record OrderConfirmed(UUID orderId, long totalCents) implements OrderEvent {
}
