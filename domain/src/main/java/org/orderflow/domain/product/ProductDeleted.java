package org.orderflow.domain.product;

import java.util.UUID;

/**
 * The product was withdrawn from the catalogue; this is final. Its history is kept.
 */
public record ProductDeleted(UUID productId) implements ProductEvent {
}
