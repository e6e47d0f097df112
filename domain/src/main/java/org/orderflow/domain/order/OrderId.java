package org.orderflow.domain.order;

import java.util.Objects;
import java.util.UUID;

import org.orderflow.domain.Identifiers;

/**
 * Identifies an order, and so the event stream that records it. Chosen by the caller, not the domain.
 */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "order id value");
    }

    /**
     * @throws IllegalArgumentException if {@code text} is not a canonical UUID
     */
    public static OrderId of(String text) {
        return new OrderId(Identifiers.parseUuid(text, "order id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
