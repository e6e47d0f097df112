package org.orderflow.domain.product;

import java.util.UUID;

/**
 * The product's selling price changed. Both prices are recorded so the change reads on its own.
 */
public record PriceUpdated(UUID productId, long oldPriceCents, long newPriceCents) implements ProductEvent {
}
