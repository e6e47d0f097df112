package org.orderflow.domain.order;

/**
 * Where an order stands in its lifecycle; see {@link Order} for the allowed moves.
 */
public enum OrderStatus {
    /** Open: items may be added and removed. */
    PENDING,
    /** Stock is set aside for the lines; the lines are frozen and payment is awaited. */
    INVENTORY_RESERVED,
    /** The order total has been paid; the order awaits confirmation. */
    PAYMENT_PROCESSED,
    /** Final: the order is accepted and will be fulfilled. */
    CONFIRMED,
    /** Final: the order will not be fulfilled. */
    CANCELLED
}
