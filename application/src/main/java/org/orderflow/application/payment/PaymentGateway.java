package org.orderflow.application.payment;

/**
 * The payment provider, as the checkout needs it: authorize an amount, refund an authorization.
 *
 * <p>Both calls are idempotent by their key: the same key again returns the first answer and
 * never authorizes (or refunds) twice. The checkout keeps one authorization key per order for
 * all its retries, so a call whose answer was lost can be repeated without charging the customer
 * twice.
 */
public interface PaymentGateway {

    /**
     * @throws PaymentUnavailable when the provider failed or did not answer in time: the outcome
     *                            is unknown, the same key may be tried again
     */
    Authorization authorize(PaymentRequest request);

    /**
     * Refunds whatever the authorization with {@code authorizationKey} took; nothing if it took
     * nothing (declined, or never arrived).
     *
     * @throws PaymentUnavailable as for {@link #authorize}
     */
    Refund refund(RefundRequest request);

    /** What the checkout asks for: the order's total, under a key that identifies the authorization. */
    record PaymentRequest(String idempotencyKey, String tenantId, java.util.UUID orderId, long amountCents) {
    }

    /** Undo an authorization, found by its key. */
    record RefundRequest(String idempotencyKey, String authorizationKey, String tenantId, java.util.UUID orderId,
                         long amountCents) {
    }

    /** The provider's answer to an authorization. */
    sealed interface Authorization {
    }

    /** @param authorizationId the provider's reference, recorded as the order's payment id */
    record Approved(String authorizationId) implements Authorization {
    }

    /** @param reason the provider's words, recorded with the cancellation */
    record Declined(String reason) implements Authorization {
    }

    /** The provider's answer to a refund. */
    sealed interface Refund {
    }

    record Refunded(String refundId) implements Refund {
    }

    /** The authorization took nothing that could be refunded. */
    record NothingToRefund() implements Refund {
    }
}
