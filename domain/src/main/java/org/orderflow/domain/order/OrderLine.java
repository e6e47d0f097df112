package org.orderflow.domain.order;

import java.util.UUID;

import org.orderflow.domain.DomainRuleViolation;

/**
 * One line of an order: a quantity of a product at the unit price agreed when it was added.
 * The price is captured on the line, so later catalogue price changes never alter an order.
 *
 * <p>Lines are rebuilt from recorded events and therefore do not validate; the rules for a new
 * line are checked by {@link Order#addItem}.
 *
 * @param productId the catalogue product, or {@code null} for an item sold by name only
 */
public record OrderLine(LineId lineId, String productName, UUID productId, int quantity, long unitPriceCents) {

    /**
     * Quantity times unit price.
     *
     * @throws DomainRuleViolation {@code order.total_overflow} if the product does not fit in a long
     */
    public long lineTotalCents() {
        try {
            return Math.multiplyExact(unitPriceCents, quantity);
        } catch (ArithmeticException overflow) {
            throw new DomainRuleViolation("order.total_overflow",
                    "line total of " + quantity + " x " + unitPriceCents + " cents is too large to record");
        }
    }
}
