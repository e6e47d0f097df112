package org.orderflow.domain.product;

import java.util.UUID;

/**
 * A product was put in the catalogue. Schema v2; v1 had no SKU (see {@link ProductCreatedV1ToV2}).
 *
 * @param name       trimmed
 * @param priceCents the selling price, always positive
 * @param categoryId the category it is listed under
 * @param sku        its stock-keeping unit
 */
public record ProductCreated(UUID productId, String name, long priceCents, String categoryId, String sku)
        implements ProductEvent {
}
