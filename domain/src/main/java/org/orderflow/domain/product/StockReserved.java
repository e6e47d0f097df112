package org.orderflow.domain.product;

import java.util.UUID;

/**
 * A quantity of the product was set aside for an order: available stock shrinks by it until the
 * reservation is {@linkplain StockCommitted committed} or {@linkplain StockReleased released}.
 *
 * @param orderId  the order holding the reservation; an order holds at most one per product
 * @param quantity at least 1
 */
public record StockReserved(UUID productId, UUID orderId, int quantity) implements ProductEvent {
}
