package org.orderflow.domain.product;

import java.util.List;
import java.util.UUID;

/**
 * The explicit, versioned snapshot form of a {@link Product} (see {@code OrderSnapshot} for the
 * rules: plain data, its own schema version, ignored when stale).
 */
public record ProductSnapshot(UUID productId, String name, long priceCents, String categoryId, String sku,
                              boolean deleted, long onHand, long committed, List<Reservation> reservations) {

    /** v2 added stock: on hand, committed, and the open reservations. */
    public static final int SCHEMA_VERSION = 2;

    public ProductSnapshot {
        reservations = List.copyOf(reservations);
    }

    /** One order's open reservation. */
    public record Reservation(UUID orderId, int quantity) {
    }
}
