package org.orderflow.application.fulfilment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.orderflow.application.payment.PaymentGateway;
import org.orderflow.application.payment.PaymentUnavailable;

/**
 * Makes the checkout's calls to the payment provider: authorizations that are due, refunds that
 * are due, and the deadline of checkouts still waiting. Called by timers; each call runs on the
 * given executor, so a slow provider never holds up the deadline or other checkouts. A claimed
 * call is leased: should this server die mid-call, another repeats it after the lease, under the
 * same idempotency key.
 */
@ApplicationScoped
public class CheckoutPayments {

    private static final Logger LOG = Logger.getLogger(CheckoutPayments.class.getName());

    private CheckoutSteps steps;
    private PaymentGateway gateway;

    protected CheckoutPayments() {
        // for CDI proxies
    }

    @Inject
    public CheckoutPayments(CheckoutSteps steps, PaymentGateway gateway) {
        this.steps = steps;
        this.gateway = gateway;
    }

    /** Starts the due authorization calls; returns how many. */
    public int authorizeDue(Executor executor, int max) {
        var due = steps.claimPayments(max);
        due.forEach(process -> executor.execute(() -> authorize(process)));
        return due.size();
    }

    /** Starts the due refund calls; returns how many. */
    public int refundDue(Executor executor, int max) {
        var due = steps.claimRefunds(max);
        due.forEach(process -> executor.execute(() -> refund(process)));
        return due.size();
    }

    /** Gives up the checkouts whose payment deadline passed; returns how many. */
    public int expireOverdue(int max) {
        int expired = 0;
        for (CheckoutProcess process : steps.overdue(max)) {
            try {
                steps.expire(process);
                expired++;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not expire the checkout of " + process.orderId(), e);
            }
        }
        return expired;
    }

    void authorize(CheckoutProcess process) {
        try {
            PaymentGateway.Authorization answer = gateway.authorize(new PaymentGateway.PaymentRequest(
                    CheckoutProcess.authorizationKey(process.tenantId(), process.orderId()), process.tenantId(),
                    process.orderId(), process.amountCents()));
            steps.recordAnswer(process, answer);
        } catch (PaymentUnavailable unavailable) {
            LOG.info(() -> "Payment provider unavailable for " + process.orderId() + " (attempt "
                    + process.paymentAttempts() + "): " + unavailable.getMessage());
            failed(process, unavailable.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Authorization of " + process.orderId() + " failed", e);
            failed(process, e.toString());
        }
    }

    private void failed(CheckoutProcess process, String error) {
        try {
            steps.recordFailure(process, error);
        } catch (RuntimeException e) {
            // the lease runs out and the call is repeated with the same key
            LOG.log(Level.WARNING, "Could not record the failed authorization of " + process.orderId(), e);
        }
    }

    void refund(CheckoutProcess process) {
        try {
            PaymentGateway.Refund refund = gateway.refund(new PaymentGateway.RefundRequest(
                    CheckoutProcess.refundKey(process.tenantId(), process.orderId(), process.authorizationId()),
                    CheckoutProcess.authorizationKey(process.tenantId(), process.orderId()), process.tenantId(),
                    process.orderId(), process.amountCents()));
            steps.recordRefund(process, refund);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Refund of " + process.orderId() + " failed; retried", e);
            try {
                steps.recordRefundFailure(process, e.getMessage());
            } catch (RuntimeException again) {
                LOG.log(Level.WARNING, "Could not record the failed refund of " + process.orderId(), again);
            }
        }
    }
}
