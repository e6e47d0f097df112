package org.orderflow.domain.order;

import java.util.UUID;

/**
 * The checkout gave up; an {@link OrderCancelled} follows in the same decision and the checkout
 * undoes what it did (releases stock, refunds a payment it may have taken).
 *
 * @param reasonCode machine-readable: one of the {@code REASON_*} constants
 * @param productId  the product that ran out for {@link #OUT_OF_STOCK}, otherwise {@code null}
 * @param detail     the same in words
 */
public record CheckoutFailed(UUID orderId, String reasonCode, UUID productId, String detail) implements OrderEvent {

    /** A catalogue line could not be reserved: fewer units available than ordered. */
    public static final String OUT_OF_STOCK = "out_of_stock";
    /** A line's product was deleted from the catalogue before its stock was reserved. */
    public static final String PRODUCT_UNAVAILABLE = "product_unavailable";
    /** The payment provider declined the payment. */
    public static final String PAYMENT_DECLINED = "payment_declined";
    /** The payment provider kept failing after every retry. */
    public static final String PAYMENT_FAILED = "payment_failed";
    /** No answer from the payment provider before the deadline. */
    public static final String PAYMENT_TIMEOUT = "payment_timeout";
    /** An operator aborted the checkout. */
    public static final String ABORTED = "aborted";
}
