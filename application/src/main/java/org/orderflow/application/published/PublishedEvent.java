package org.orderflow.application.published;

import java.util.UUID;

/**
 * One published event's payload in its contract version. Field names are the JSON names
 * subscribers read; the published envelope carries {@link #type()} as {@code eventType} and
 * {@link #version()} as {@code schemaVersion}. A record is named {@code <Type>V<version>}: the
 * name says both, so they cannot drift apart.
 */
public sealed interface PublishedEvent {

    /** The contract's name for the event, e.g. {@code OrderConfirmed} for {@code OrderConfirmedV1}. */
    default String type() {
        return getClass().getSimpleName().replaceFirst("V\\d+$", "");
    }

    /** The contract version of this payload shape: 1 for {@code OrderConfirmedV1}. */
    default int version() {
        return Integer.parseInt(getClass().getSimpleName().replaceFirst("^.*V(\\d+)$", "$1"));
    }

    /** A shipping address as published. */
    record Address(String line1, String line2, String city, String postalCode, String country) {
    }

    record OrderCreatedV1(UUID orderId, String customerName, String customerId, Address shippingAddress)
            implements PublishedEvent {
    }

    /** Version 2 added {@code productId} (null for an item sold by name only). */
    record ItemAddedV2(UUID orderId, UUID lineId, String productName, UUID productId, int quantity, long unitPriceCents)
            implements PublishedEvent {
    }

    record ItemRemovedV1(UUID orderId, UUID lineId, String productName, int quantity, long unitPriceCents)
            implements PublishedEvent {
    }

    record InventoryReservedV1(UUID orderId, String reservationId) implements PublishedEvent {
    }

    record PaymentProcessedV1(UUID orderId, String paymentId, long amountCents) implements PublishedEvent {
    }

    record OrderConfirmedV1(UUID orderId, long totalCents) implements PublishedEvent {
    }

    record OrderCancelledV1(UUID orderId, String reason) implements PublishedEvent {
    }

    /** Version 2 made {@code sku} part of the product. */
    record ProductCreatedV2(UUID productId, String name, long priceCents, String categoryId, String sku)
            implements PublishedEvent {
    }

    record PriceUpdatedV1(UUID productId, long oldPriceCents, long newPriceCents) implements PublishedEvent {
    }

    record ProductDeletedV1(UUID productId) implements PublishedEvent {
    }

    record CheckoutStartedV1(UUID orderId, long totalCents) implements PublishedEvent {
    }

    /** {@code reasonCode}: out_of_stock, product_unavailable, payment_declined, payment_failed, payment_timeout, aborted. */
    record CheckoutFailedV1(UUID orderId, String reasonCode, UUID productId, String detail) implements PublishedEvent {
    }

    record StockReceivedV1(UUID productId, int quantity) implements PublishedEvent {
    }

    record StockReservedV1(UUID productId, UUID orderId, int quantity) implements PublishedEvent {
    }

    record StockReleasedV1(UUID productId, UUID orderId, int quantity) implements PublishedEvent {
    }

    record StockCommittedV1(UUID productId, UUID orderId, int quantity) implements PublishedEvent {
    }
}
