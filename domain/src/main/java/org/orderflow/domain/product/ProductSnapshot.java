package org.orderflow.domain.product;

import java.util.UUID;

/**
 * The explicit, versioned snapshot form of a {@link Product} (see {@code OrderSnapshot} for the
 * rules: plain data, its own schema version, ignored when stale).
 */
public record ProductSnapshot(UUID productId, String name, long priceCents, String categoryId, String sku,
                              boolean deleted) {

    public static final int SCHEMA_VERSION = 1;
}
