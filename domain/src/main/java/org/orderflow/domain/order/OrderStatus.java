package org.orderflow.domain.order;

/**
 * Where an order stands in its lifecycle; see {@link Order} for the allowed moves.
 */
public enum OrderStatus {
    /** Open: items may be added and removed. */
    PENDING,
    /** The service runs the checkout: it is reserving stock; the lines are frozen. */
    CHECKING_OUT,
    /** Stock is set aside for the lines; the lines are frozen and payment is awaited. */
    INVENTORY_RESERVED,
    /** The order total has been paid; the order awaits confirmation. */
    PAYMENT_PROCESSED,
    /** Final: the order is accepted and will be fulfilled. */
    CONFIRMED,
    /** Final: the order will not be fulfilled. */
    CANCELLED;

    /**
     * The status an order has after {@code event}: the one rule that the aggregate and every read
     * model apply (facts, not checks: the event already happened).
     *
     * @param before the status before the event, {@code null} before the order was created
     */
    public static OrderStatus after(OrderStatus before, OrderEvent event) {
        if (event instanceof OrderCreated) {
            return PENDING;
        } else if (event instanceof InventoryReserved) {
            return INVENTORY_RESERVED;
        } else if (event instanceof PaymentProcessed) {
            return PAYMENT_PROCESSED;
        } else if (event instanceof OrderConfirmed) {
            return CONFIRMED;
        } else if (event instanceof OrderCancelled) {
            return CANCELLED;
        } else if (event instanceof CheckoutStarted) {
            return CHECKING_OUT;
        } else if (event instanceof ItemAdded || event instanceof ItemRemoved || event instanceof CheckoutFailed) {
            return before;
        }
        throw new IllegalStateException("No status rule for " + event.getClass().getName());
    }
}
