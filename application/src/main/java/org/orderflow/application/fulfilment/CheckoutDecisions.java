package org.orderflow.application.fulfilment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.orderflow.application.payment.PaymentGateway.Approved;
import org.orderflow.application.payment.PaymentGateway.Authorization;
import org.orderflow.application.payment.PaymentGateway.Declined;
import org.orderflow.domain.order.CheckoutFailed;
import org.orderflow.domain.order.OrderLine;

/**
 * The checkout's decisions, free of I/O: what stock to reserve, what a provider's answer means,
 * when a cancellation needs a refund. The process manager and the payment worker carry them out.
 */
public final class CheckoutDecisions {

    private CheckoutDecisions() {
    }

    /** Units of one catalogue product an order needs. */
    public record StockNeed(UUID productId, int quantity) {
    }

    /**
     * The units to reserve per catalogue product (lines of one product summed), in product-id order
     * so that concurrent checkouts lock products in one order. Lines sold by name need no stock.
     */
    public static List<StockNeed> stockNeeds(List<OrderLine> lines) {
        Map<UUID, Integer> needs = new TreeMap<>();
        for (OrderLine line : lines) {
            if (line.productId() != null) {
                needs.merge(line.productId(), line.quantity(), Math::addExact);
            }
        }
        return needs.entrySet().stream().map(need -> new StockNeed(need.getKey(), need.getValue())).toList();
    }

    /** What to do after a payment call. */
    public sealed interface Next {
    }

    /** Record the payment and confirm the order. */
    public record Confirm(String authorizationId) implements Next {
    }

    /** Give the checkout up and cancel the order. */
    public record Cancel(String reasonCode, String detail) implements Next {
    }

    /** Call again at {@code at}. */
    public record Retry(Instant at, String error) implements Next {
    }

    /** The provider answered. */
    public static Next afterAnswer(Authorization answer) {
        if (answer instanceof Approved approved) {
            return new Confirm(approved.authorizationId());
        }
        Declined declined = (Declined) answer;
        return new Cancel(CheckoutFailed.PAYMENT_DECLINED, "payment declined: " + declined.reason());
    }

    /**
     * The provider failed or did not answer: call again after the backoff, unless every attempt is
     * used up. A retry never waits past the deadline (the deadline then decides).
     */
    public static Next afterFailure(int attemptsMade, String error, FulfilmentSettings settings, Instant now,
                                    Instant deadline) {
        if (attemptsMade >= settings.paymentAttempts()) {
            return new Cancel(CheckoutFailed.PAYMENT_FAILED,
                    "payment provider failed " + attemptsMade + " times, last: " + error);
        }
        Instant next = now.plus(settings.backoffAfter(attemptsMade));
        return new Retry(deadline != null && next.isAfter(deadline) ? deadline : next, error);
    }

    /** Whether a checkout waiting for its payment has run out of time. */
    public static boolean overdue(CheckoutProcess process, Instant now) {
        return process.state() == CheckoutProcess.State.WAITING_FOR_PAYMENT && process.deadline() != null
                && !now.isBefore(process.deadline());
    }

    /**
     * Whether a cancelled checkout must ask for a refund: an authorization was asked for and not
     * declined, so money may have been taken (an answer may have been lost, or may still come).
     */
    public static boolean refundNeeded(CheckoutProcess process, String reasonCode) {
        return process.paymentAttempts() > 0 && !CheckoutFailed.PAYMENT_DECLINED.equals(reasonCode);
    }
}
