package org.orderflow.domain.order;

import java.util.UUID;

/**
 * The customer paid the order total.
 *
 * @param paymentId   the payment provider's reference
 * @param amountCents the amount paid, equal to the order total at that moment
 */
public record PaymentProcessed(UUID orderId, String paymentId, long amountCents) implements OrderEvent {
}
