package org.orderflow.domain.product;

import java.util.UUID;

/**
 * An order's reservation was given back (its checkout failed or was aborted): available again.
 *
 * @param quantity the whole reserved quantity
 */
public record StockReleased(UUID productId, UUID orderId, int quantity) implements ProductEvent {
}
