package org.orderflow.domain.order;

import java.util.Objects;
import java.util.UUID;

import org.orderflow.domain.Identifiers;

/**
 * Identifies one line of an order. Chosen by the caller of {@code addItem} (the API generates a
 * random one); unique among the order's current lines.
 */
public record LineId(UUID value) {

    public LineId {
        Objects.requireNonNull(value, "line id value");
    }

    /**
     * @throws IllegalArgumentException if {@code text} is not a canonical UUID
     */
    public static LineId of(String text) {
        return new LineId(Identifiers.parseUuid(text, "line id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
