package org.orderflow.application.eventstore;

import java.util.List;
import org.orderflow.domain.order.CheckoutFailed;
import org.orderflow.domain.order.CheckoutStarted;
import org.orderflow.domain.order.InventoryReserved;
import org.orderflow.domain.order.ItemAddedV1ToV2;
import org.orderflow.domain.order.ItemAdded;
import org.orderflow.domain.order.ItemRemoved;
import org.orderflow.domain.order.OrderCancelled;
import org.orderflow.domain.order.OrderConfirmed;
import org.orderflow.domain.order.OrderCreated;
import org.orderflow.domain.order.PaymentProcessed;
import org.orderflow.domain.product.PriceUpdated;
import org.orderflow.domain.product.ProductCreated;
import org.orderflow.domain.product.ProductCreatedV1ToV2;
import org.orderflow.domain.product.ProductDeleted;
import org.orderflow.domain.product.StockCommitted;
import org.orderflow.domain.product.StockReceived;
import org.orderflow.domain.product.StockReleased;
import org.orderflow.domain.product.StockReserved;
import org.orderflow.domain.versioning.UpcasterChain;

/**
 * The stored names and current schema versions of orderflow's events. Adding an event means
 * registering it here; changing the shape of a registered event means a new schema version, an
 * upcaster from the previous one (next to the event in the domain) and a golden file, never an
 * edit in place. Renaming a type keeps the old name as an alias, so stored events still read.
 */
public final class EventCatalog {

    private static final EventTypeRegistry REGISTRY = EventTypeRegistry.builder()
            .register("OrderCreated", 1, OrderCreated.class)
            .register("ItemAdded", 2, ItemAdded.class)
            .register("ItemRemoved", 1, ItemRemoved.class)
            .register("InventoryReserved", 1, InventoryReserved.class)
            .register("PaymentProcessed", 1, PaymentProcessed.class)
            .register("OrderConfirmed", 1, OrderConfirmed.class)
            .register("OrderCancelled", 1, OrderCancelled.class)
            .register("ProductCreated", 2, ProductCreated.class)
            .register("PriceUpdated", 1, PriceUpdated.class)
            .register("ProductDeleted", 1, ProductDeleted.class)
            .register("CheckoutStarted", 1, CheckoutStarted.class)
            .register("CheckoutFailed", 1, CheckoutFailed.class)
            .register("StockReceived", 1, StockReceived.class)
            .register("StockReserved", 1, StockReserved.class)
            .register("StockReleased", 1, StockReleased.class)
            .register("StockCommitted", 1, StockCommitted.class)
            .build();

    private static final UpcasterChain UPCASTERS = new UpcasterChain(List.of(
            new ItemAddedV1ToV2(),
            new ProductCreatedV1ToV2()));

    private EventCatalog() {
    }

    public static EventTypeRegistry registry() {
        return REGISTRY;
    }

    /** Every upcaster, from each type's first schema version to its current one. */
    public static UpcasterChain upcasters() {
        return UPCASTERS;
    }
}
