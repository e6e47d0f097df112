package org.orderflow.domain.product;

import java.util.UUID;

import org.orderflow.domain.DomainEvent;

/**
 * Everything that can happen to a catalogue product. The set is closed: {@link Product#apply}
 * handles each of these.
 */
public sealed interface ProductEvent extends DomainEvent permits ProductCreated, PriceUpdated, ProductDeleted,
        StockReceived, StockReserved, StockReleased, StockCommitted {

    /** The product, and so the event stream, this fact belongs to. */
    UUID productId();
}
