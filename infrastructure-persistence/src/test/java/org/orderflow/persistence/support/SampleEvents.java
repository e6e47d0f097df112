package org.orderflow.persistence.support;

import java.util.List;
import java.util.UUID;
import org.orderflow.domain.DomainEvent;
import org.orderflow.domain.order.CheckoutFailed;
import org.orderflow.domain.order.CheckoutStarted;
import org.orderflow.domain.order.InventoryReserved;
import org.orderflow.domain.order.ItemAdded;
import org.orderflow.domain.order.ItemRemoved;
import org.orderflow.domain.order.OrderCancelled;
import org.orderflow.domain.order.OrderConfirmed;
import org.orderflow.domain.order.OrderCreated;
import org.orderflow.domain.order.PaymentProcessed;
import org.orderflow.domain.order.ShippingAddress;
import org.orderflow.domain.product.PriceUpdated;
import org.orderflow.domain.product.ProductCreated;
import org.orderflow.domain.product.ProductDeleted;
import org.orderflow.domain.product.StockCommitted;
import org.orderflow.domain.product.StockReceived;
import org.orderflow.domain.product.StockReleased;
import org.orderflow.domain.product.StockReserved;

/** One realistic instance of every event type, with fixed ids. */
public final class SampleEvents {

    public static final UUID ORDER = UUID.fromString("00000000-0000-4000-8000-000000000001");
    public static final UUID LINE = UUID.fromString("00000000-0000-4000-8000-000000000002");
    public static final UUID PRODUCT = UUID.fromString("00000000-0000-4000-8000-000000000003");

    private SampleEvents() {
    }

    public static List<DomainEvent> all() {
        return List.of(
                new OrderCreated(ORDER, "山田太郎", "cust-42",
                        new ShippingAddress("1-2-3 Chiyoda", null, "Tokyo", "100-0001", "JP")),
                new ItemAdded(ORDER, LINE, "ノートPC", PRODUCT, 2, 120_000),
                new ItemRemoved(ORDER, LINE, "ノートPC", 2, 120_000),
                new InventoryReserved(ORDER, "res-1"),
                new PaymentProcessed(ORDER, "pay-1", 240_000),
                new OrderConfirmed(ORDER, 240_000),
                new OrderCancelled(ORDER, "customer changed their mind"),
                new ProductCreated(PRODUCT, "ノートPC", 120_000, "computers", "NB-120"),
                new PriceUpdated(PRODUCT, 120_000, 99_000),
                new ProductDeleted(PRODUCT),
                new CheckoutStarted(ORDER, 240_000),
                new CheckoutFailed(ORDER, CheckoutFailed.OUT_OF_STOCK, PRODUCT,
                        "out of stock: product 00000000-0000-4000-8000-000000000003 (ノートPC) has 1 of 2 units available"),
                new StockReceived(PRODUCT, 10),
                new StockReserved(PRODUCT, ORDER, 2),
                new StockReleased(PRODUCT, ORDER, 2),
                new StockCommitted(PRODUCT, ORDER, 2));
    }
}
