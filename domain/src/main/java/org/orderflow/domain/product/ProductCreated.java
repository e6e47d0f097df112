package org.orderflow.domain.product;

import java.util.UUID;

/**
 * A product was put in the catalogue.
 *
 * @param name       trimmed
 * @param priceCents the selling price, always positive
 * @param categoryId the category it is listed under
 */
public record ProductCreated(UUID productId, String name, long priceCents, String categoryId)
        implements ProductEvent {
}
