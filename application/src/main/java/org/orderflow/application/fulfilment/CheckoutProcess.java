package org.orderflow.application.fulfilment;

import java.time.Instant;
import java.util.UUID;

/**
 * One checkout as the process manager keeps it: where it is and what it waits for.
 *
 * @param step            what it is doing, in words ("reserving stock", "authorizing payment", ...)
 * @param paymentAttempts authorization calls made so far
 * @param nextAttemptAt   when the next provider call (authorization or refund) is due, or null
 * @param deadline        when waiting for the payment ends, or null before stock is reserved
 * @param authorizationId the provider's reference once approved, or null
 * @param reasonCode      a failed checkout's reason, or null
 * @param refundPending   whether a refund must still be asked for
 * @param lastError       the last provider failure, or null
 */
public record CheckoutProcess(String tenantId, UUID orderId, State state, String step, long amountCents,
                              int paymentAttempts, Instant nextAttemptAt, Instant deadline, String authorizationId,
                              String reasonCode, boolean refundPending, String lastError, Instant startedAt,
                              Instant updatedAt) {

    /** The checkout's state, as operators filter by it. */
    public enum State {
        /** Reserving stock. */
        RUNNING,
        /** Stock reserved; the authorization is being asked for. */
        WAITING_FOR_PAYMENT,
        /** Cancelled; a refund is still to be asked for. */
        COMPENSATING,
        /** Cancelled and undone. */
        FAILED,
        /** Confirmed, stock committed. */
        DONE;

        public boolean finished() {
            return this == FAILED || this == DONE;
        }
    }

    /** The idempotency key of the order's authorization: the same for every retry, so the provider authorizes once. */
    public static String authorizationKey(String tenantId, UUID orderId) {
        return "orderflow:" + tenantId + ":" + orderId + ":authorize";
    }

    /**
     * The idempotency key of a refund: one per authorization known (an approval that arrives after
     * a refund found nothing to take back gets a refund of its own), the same for every retry.
     */
    public static String refundKey(String tenantId, UUID orderId, String authorizationId) {
        return "orderflow:" + tenantId + ":" + orderId + ":refund:" + (authorizationId == null ? "unknown" : authorizationId);
    }
}
