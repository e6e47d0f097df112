package org.orderflow.application.published;

import org.orderflow.application.published.PublishedEvent.Address;
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

/**
 * Maps each domain event to what is published for it. Every event type of every aggregate has a
 * mapping (a test walks the sealed event families); a domain event that gains a field publishes
 * nothing new until the contract says so.
 */
public final class PublishedContract {

    private PublishedContract() {
    }

    public static PublishedEvent of(DomainEvent event) {
        if (event instanceof OrderCreated e) {
            return new PublishedEvent.OrderCreatedV1(e.orderId(), e.customerName(), e.customerId(), address(e.shippingAddress()));
        } else if (event instanceof ItemAdded e) {
            return new PublishedEvent.ItemAddedV2(e.orderId(), e.lineId(), e.productName(), e.productId(), e.quantity(),
                    e.unitPriceCents());
        } else if (event instanceof ItemRemoved e) {
            return new PublishedEvent.ItemRemovedV1(e.orderId(), e.lineId(), e.productName(), e.quantity(), e.unitPriceCents());
        } else if (event instanceof InventoryReserved e) {
            return new PublishedEvent.InventoryReservedV1(e.orderId(), e.reservationId());
        } else if (event instanceof PaymentProcessed e) {
            return new PublishedEvent.PaymentProcessedV1(e.orderId(), e.paymentId(), e.amountCents());
        } else if (event instanceof OrderConfirmed e) {
            return new PublishedEvent.OrderConfirmedV1(e.orderId(), e.totalCents());
        } else if (event instanceof OrderCancelled e) {
            return new PublishedEvent.OrderCancelledV1(e.orderId(), e.reason());
        } else if (event instanceof ProductCreated e) {
            return new PublishedEvent.ProductCreatedV2(e.productId(), e.name(), e.priceCents(), e.categoryId(), e.sku());
        } else if (event instanceof PriceUpdated e) {
            return new PublishedEvent.PriceUpdatedV1(e.productId(), e.oldPriceCents(), e.newPriceCents());
        } else if (event instanceof ProductDeleted e) {
            return new PublishedEvent.ProductDeletedV1(e.productId());
        } else if (event instanceof CheckoutStarted e) {
            return new PublishedEvent.CheckoutStartedV1(e.orderId(), e.totalCents());
        } else if (event instanceof CheckoutFailed e) {
            return new PublishedEvent.CheckoutFailedV1(e.orderId(), e.reasonCode(), e.productId(), e.detail());
        } else if (event instanceof StockReceived e) {
            return new PublishedEvent.StockReceivedV1(e.productId(), e.quantity());
        } else if (event instanceof StockReserved e) {
            return new PublishedEvent.StockReservedV1(e.productId(), e.orderId(), e.quantity());
        } else if (event instanceof StockReleased e) {
            return new PublishedEvent.StockReleasedV1(e.productId(), e.orderId(), e.quantity());
        } else if (event instanceof StockCommitted e) {
            return new PublishedEvent.StockCommittedV1(e.productId(), e.orderId(), e.quantity());
        }
        throw new IllegalArgumentException("No published contract for " + event.getClass().getName());
    }

    private static Address address(ShippingAddress address) {
        return address == null ? null
                : new Address(address.line1(), address.line2(), address.city(), address.postalCode(), address.country());
    }
}
