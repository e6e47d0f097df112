package org.orderflow.application.fulfilment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The checkouts' durable state (port). Changes join the caller's transaction; the claim methods
 * take rows no other worker holds ({@code FOR UPDATE SKIP LOCKED}) and push their next attempt
 * past a lease, so a call is made by one worker at a time and repeated only after the lease.
 */
public interface CheckoutProcesses {

    /** Records a started checkout (state RUNNING); nothing if it is known already. */
    void started(String tenantId, UUID orderId, long amountCents, Instant at);

    /** Stock is reserved: the authorization is due now, and waited for until {@code deadline}. */
    void awaitPayment(String tenantId, UUID orderId, Instant deadline, Instant at);

    Optional<CheckoutProcess> find(String tenantId, UUID orderId);

    /** The order's checkout in whichever tenant holds it (order ids are unique), for platform operators. */
    Optional<CheckoutProcess> findInAnyTenant(UUID orderId);

    /** Up to {@code max} checkouts whose authorization call is due; each counts one more attempt and is leased until {@code leaseUntil}. */
    List<CheckoutProcess> claimDuePayments(Instant now, Instant leaseUntil, int max);

    /** Up to {@code max} cancelled checkouts whose refund call is due, leased until {@code leaseUntil}. */
    List<CheckoutProcess> claimDueRefunds(Instant now, Instant leaseUntil, int max);

    /** Checkouts still waiting for their payment at their deadline. */
    List<CheckoutProcess> overdue(Instant now, int max);

    /** A call failed: the next one is due at {@code next} (only while the checkout still waits for it). */
    void retryAt(String tenantId, UUID orderId, Instant next, String error, Instant at);

    /** The provider approved: remembered, so a late approval of a cancelled checkout can be refunded. */
    void approved(String tenantId, UUID orderId, String authorizationId, Instant at);

    /** The checkout was cancelled for {@code reasonCode}; with {@code refund}, a refund call is due now. */
    void cancelled(String tenantId, UUID orderId, String reasonCode, boolean refund, Instant at);

    /** A refund must be asked for (an approval arrived after the checkout was cancelled). */
    void refundDue(String tenantId, UUID orderId, Instant at);

    /** The refund was answered; the checkout is undone. */
    void refunded(String tenantId, UUID orderId, String outcome, Instant at);

    /** The order was confirmed and its stock committed. */
    void confirmed(String tenantId, UUID orderId, Instant at);

    /** Makes the next call due now (an operator's retry); false if the checkout waits for no call. */
    boolean retryNow(String tenantId, UUID orderId, Instant at);

    /** How many checkouts there are in each state, and for each reason they were cancelled, across all tenants. */
    record Stats(java.util.Map<CheckoutProcess.State, Long> byState, java.util.Map<String, Long> cancelledByReason) {
    }

    Stats stats();

    /** Checkouts, newest first; a tenant's only if {@code tenantId} is given, one state's only if {@code state} is. */
    List<CheckoutProcess> list(Optional<String> tenantId, Optional<CheckoutProcess.State> state, int offset, int limit);
}
