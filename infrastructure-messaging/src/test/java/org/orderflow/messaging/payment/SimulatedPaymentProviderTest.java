package org.orderflow.messaging.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.orderflow.application.payment.PaymentGateway;
import org.orderflow.application.payment.PaymentUnavailable;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SimulatedPaymentProviderTest {

    private static final UUID ORDER = UUID.fromString("00000000-0000-4000-8000-000000000001");

    private static SimulatedPaymentProvider.Behaviour behaviour(boolean approve, long declineAbove, double failureRate,
                                                                boolean neverAnswer) {
        return new SimulatedPaymentProvider.Behaviour(approve, declineAbove, Duration.ZERO, failureRate, neverAnswer,
                Duration.ofMillis(50));
    }

    private static PaymentGateway.PaymentRequest pay(String key, long amount) {
        return new PaymentGateway.PaymentRequest(key, "acme", ORDER, amount);
    }

    @Test
    void given_an_approving_provider_when_the_same_key_is_used_twice_then_the_same_authorization_is_returned() {
        var provider = new SimulatedPaymentProvider(behaviour(true, 1_000_000, 0, false));

        var first = provider.authorize(pay("k", 5_000));
        var again = provider.authorize(pay("k", 5_000));

        assertThat(first).isInstanceOf(PaymentGateway.Approved.class).isEqualTo(again);
    }

    @Test
    void given_a_limit_when_the_amount_is_above_it_then_the_payment_is_declined() {
        var provider = new SimulatedPaymentProvider(behaviour(true, 10_000, 0, false));

        assertThat(provider.authorize(pay("k", 10_001))).isInstanceOf(PaymentGateway.Declined.class);
        assertThat(provider.authorize(pay("k2", 10_000))).isInstanceOf(PaymentGateway.Approved.class);
    }

    @Test
    void given_a_failure_rate_when_the_dice_say_fail_then_the_outcome_is_unknown_and_a_retry_can_succeed() {
        double[] rolls = {0.1, 0.9};
        int[] next = {0};
        var provider = new SimulatedPaymentProvider(behaviour(true, 1_000_000, 0.5, false), () -> rolls[next[0]++]);

        assertThatThrownBy(() -> provider.authorize(pay("k", 1))).isInstanceOf(PaymentUnavailable.class);
        assertThat(provider.authorize(pay("k", 1))).isInstanceOf(PaymentGateway.Approved.class);
    }

    @Test
    void given_a_provider_that_never_answers_when_authorizing_then_the_call_times_out_as_unknown() {
        var provider = new SimulatedPaymentProvider(behaviour(true, 1_000_000, 0, true));

        assertThatThrownBy(() -> provider.authorize(pay("k", 1))).isInstanceOf(PaymentUnavailable.class)
                .hasMessageContaining("no answer");
    }

    @Test
    void given_an_approval_when_refunded_then_money_goes_back_once_and_an_unknown_key_refunds_nothing() {
        var provider = new SimulatedPaymentProvider(behaviour(true, 1_000_000, 0, false));
        provider.authorize(pay("k", 5_000));

        var refund = provider.refund(new PaymentGateway.RefundRequest("r", "k", "acme", ORDER, 5_000));

        assertThat(refund).isInstanceOf(PaymentGateway.Refunded.class);
        assertThat(provider.refund(new PaymentGateway.RefundRequest("r2", "other", "acme", ORDER, 5_000)))
                .isEqualTo(new PaymentGateway.NothingToRefund());
    }
}
