package org.orderflow.application.fulfilment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.orderflow.application.command.CommandContext;
import org.orderflow.application.order.Orders;
import org.orderflow.application.payment.PaymentGateway;
import org.orderflow.domain.DomainRuleViolation;
import org.orderflow.domain.order.CheckoutFailed;

/**
 * The transactional halves of the checkout's provider calls: claiming what is due, and recording
 * an answer as order events (or a retry). {@link CheckoutPayments} makes the calls in between,
 * outside any transaction.
 */
@ApplicationScoped
public class CheckoutSteps {

    private Orders orders;
    private CheckoutProcesses processes;
    private FulfilmentSettings settings;
    private Clock clock;

    protected CheckoutSteps() {
        // for CDI proxies
    }

    @Inject
    public CheckoutSteps(Orders orders, CheckoutProcesses processes, FulfilmentSettings settings, Clock clock) {
        this.orders = orders;
        this.processes = processes;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public List<CheckoutProcess> claimPayments(int max) {
        Instant now = clock.instant();
        return processes.claimDuePayments(now, now.plus(settings.callLease()), max);
    }

    @Transactional
    public List<CheckoutProcess> claimRefunds(int max) {
        Instant now = clock.instant();
        return processes.claimDueRefunds(now, now.plus(settings.callLease()), max);
    }

    @Transactional
    public List<CheckoutProcess> overdue(int max) {
        return processes.overdue(clock.instant(), max);
    }

    /** The provider answered the authorization: confirm, cancel, or — for a late approval — refund. */
    @Transactional
    public void recordAnswer(CheckoutProcess process, PaymentGateway.Authorization answer) {
        CheckoutDecisions.Next next = CheckoutDecisions.afterAnswer(answer);
        if (next instanceof CheckoutDecisions.Confirm confirm) {
            processes.approved(process.tenantId(), process.orderId(), confirm.authorizationId(), clock.instant());
            var order = orders.load(context(process, "paid"), process.orderId());
            try {
                orders.append(context(process, "paid"), order,
                        order.aggregate().checkoutPaid(confirm.authorizationId(), process.amountCents()));
            } catch (DomainRuleViolation tooLate) {
                // cancelled meanwhile (deadline, operator): the money goes back
                processes.refundDue(process.tenantId(), process.orderId(), clock.instant());
            }
        } else if (next instanceof CheckoutDecisions.Cancel cancel) {
            cancel(process, cancel.reasonCode(), cancel.detail());
        }
    }

    /** The call failed or timed out: retry after the backoff, or give up once every attempt is used. */
    @Transactional
    public void recordFailure(CheckoutProcess process, String error) {
        Instant now = clock.instant();
        CheckoutDecisions.Next next = CheckoutDecisions.afterFailure(process.paymentAttempts(), error, settings, now,
                process.deadline());
        if (next instanceof CheckoutDecisions.Retry retry) {
            processes.retryAt(process.tenantId(), process.orderId(), retry.at(), retry.error(), now);
        } else if (next instanceof CheckoutDecisions.Cancel cancel) {
            cancel(process, cancel.reasonCode(), cancel.detail());
        }
    }

    /** No authorization before the deadline: the checkout gives up; the process then undoes it. */
    @Transactional
    public void expire(CheckoutProcess process) {
        cancel(process, CheckoutFailed.PAYMENT_TIMEOUT,
                "no payment authorization before the deadline " + process.deadline());
    }

    @Transactional
    public void recordRefund(CheckoutProcess process, PaymentGateway.Refund refund) {
        String outcome = refund instanceof PaymentGateway.Refunded refunded ? "refunded " + refunded.refundId()
                : "nothing to refund";
        processes.refunded(process.tenantId(), process.orderId(), outcome, clock.instant());
    }

    @Transactional
    public void recordRefundFailure(CheckoutProcess process, String error) {
        Instant now = clock.instant();
        processes.retryAt(process.tenantId(), process.orderId(), now.plus(settings.backoffAfter(1)), error, now);
    }

    private void cancel(CheckoutProcess process, String reasonCode, String detail) {
        CommandContext context = context(process, reasonCode);
        var order = orders.load(context, process.orderId());
        try {
            orders.append(context, order, order.aggregate().abandonCheckout(reasonCode, null, detail));
        } catch (DomainRuleViolation confirmedMeanwhile) {
            // an approval won the race: the order stands, nothing to undo
        }
    }

    /** Commands of the worker: caused by the checkout step (a stable id), correlated with the order. */
    private static CommandContext context(CheckoutProcess process, String step) {
        UUID commandId = UUID.nameUUIDFromBytes((process.tenantId() + "/" + process.orderId() + "/" + step + "/"
                + process.paymentAttempts()).getBytes(StandardCharsets.UTF_8));
        return new CommandContext(commandId, process.tenantId(), "checkout-" + process.orderId(), null,
                OptionalLong.empty(), null, null, FulfilmentProcess.SOURCE);
    }
}
