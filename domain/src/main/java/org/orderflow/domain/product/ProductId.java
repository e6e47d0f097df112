package org.orderflow.domain.product;

import java.util.Objects;
import java.util.UUID;

import org.orderflow.domain.Identifiers;

/**
 * Identifies a catalogue product, and so the event stream that records it. Chosen by the caller.
 */
public record ProductId(UUID value) {

    public ProductId {
        Objects.requireNonNull(value, "product id value");
    }

    /**
     * @throws IllegalArgumentException if {@code text} is not a canonical UUID
     */
    public static ProductId of(String text) {
        return new ProductId(Identifiers.parseUuid(text, "product id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
