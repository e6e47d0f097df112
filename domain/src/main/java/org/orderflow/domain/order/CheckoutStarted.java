package org.orderflow.domain.order;

import java.util.UUID;

/**
 * The service took over the order's fulfilment: it reserves stock, takes the payment and confirms
 * the order, or cancels it and undoes what it did. The lines are frozen from now on.
 *
 * @param totalCents the amount that will be charged: the order total at this moment
 */
public record CheckoutStarted(UUID orderId, long totalCents) implements OrderEvent {
}
