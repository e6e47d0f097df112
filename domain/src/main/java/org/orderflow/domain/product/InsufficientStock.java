package org.orderflow.domain.product;

import java.util.UUID;

import org.orderflow.domain.DomainRuleViolation;

/**
 * A reservation asked for more units than are available: code {@code stock.insufficient}, with
 * the figures a caller needs to say which product ran out and by how much.
 */
public final class InsufficientStock extends DomainRuleViolation {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "stock.insufficient";

    private final UUID productId;
    private final int requested;
    private final long available;

    public InsufficientStock(UUID productId, int requested, long available) {
        super(CODE, "product " + productId + " has " + available + " units available, " + requested + " were asked for");
        this.productId = productId;
        this.requested = requested;
        this.available = available;
    }

    public UUID productId() {
        return productId;
    }

    public int requested() {
        return requested;
    }

    public long available() {
        return available;
    }
}
