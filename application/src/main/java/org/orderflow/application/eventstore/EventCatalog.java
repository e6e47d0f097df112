package org.orderflow.application.eventstore;

import org.orderflow.domain.order.InventoryReserved;
import org.orderflow.domain.order.ItemAdded;
import org.orderflow.domain.order.ItemRemoved;
import org.orderflow.domain.order.OrderCancelled;
import org.orderflow.domain.order.OrderConfirmed;
import org.orderflow.domain.order.OrderCreated;
import org.orderflow.domain.order.PaymentProcessed;
import org.orderflow.domain.product.PriceUpdated;
import org.orderflow.domain.product.ProductCreated;
import org.orderflow.domain.product.ProductDeleted;

/**
 * The stored names and current schema versions of orderflow's events. Adding an event means
 * registering it here; changing the shape of a registered event means a new schema version and
 * an upcaster, never an edit in place.
 */
public final class EventCatalog {

    private static final EventTypeRegistry REGISTRY = EventTypeRegistry.builder()
            .register("OrderCreated", 1, OrderCreated.class)
            .register("ItemAdded", 1, ItemAdded.class)
            .register("ItemRemoved", 1, ItemRemoved.class)
            .register("InventoryReserved", 1, InventoryReserved.class)
            .register("PaymentProcessed", 1, PaymentProcessed.class)
            .register("OrderConfirmed", 1, OrderConfirmed.class)
            .register("OrderCancelled", 1, OrderCancelled.class)
            .register("ProductCreated", 1, ProductCreated.class)
            .register("PriceUpdated", 1, PriceUpdated.class)
            .register("ProductDeleted", 1, ProductDeleted.class)
            .build();

    private EventCatalog() {
    }

    public static EventTypeRegistry registry() {
        return REGISTRY;
    }
}
