package org.orderflow.domain.product;

import java.util.UUID;

/**
 * An order's reservation became a sale (the order was confirmed): the units stay on hand, counted
 * as committed, until they ship; they are never available again.
 *
 * @param quantity the whole reserved quantity
 */
public record StockCommitted(UUID productId, UUID orderId, int quantity) implements ProductEvent {
}
