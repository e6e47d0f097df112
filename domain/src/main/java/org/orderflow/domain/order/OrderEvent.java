package org.orderflow.domain.order;

import java.util.UUID;

import org.orderflow.domain.DomainEvent;

/**
 * Everything that can happen to an order. The set is closed: {@link Order#apply} handles each
 * of these, and a new kind of fact means a new record here.
 */
public sealed interface OrderEvent extends DomainEvent
        permits OrderCreated, ItemAdded, ItemRemoved, InventoryReserved, PaymentProcessed, OrderConfirmed,
        OrderCancelled, CheckoutStarted, CheckoutFailed {

    /** The order, and so the event stream, this fact belongs to. */
    UUID orderId();
}
