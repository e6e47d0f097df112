package org.orderflow.application.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.orderflow.application.fulfilment.CheckoutDecisions.Cancel;
import org.orderflow.application.fulfilment.CheckoutDecisions.Confirm;
import org.orderflow.application.fulfilment.CheckoutDecisions.Retry;
import org.orderflow.application.fulfilment.CheckoutDecisions.StockNeed;
import org.orderflow.application.payment.PaymentGateway;
import org.orderflow.domain.order.LineId;
import org.orderflow.domain.order.OrderLine;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CheckoutDecisionsTest {

    private static final UUID KEYBOARD = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID MOUSE = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final Instant NOW = Instant.parse("2026-12-02T18:00:00Z");
    private static final FulfilmentSettings SETTINGS = new FulfilmentSettings(Duration.ofSeconds(30), 3,
            Duration.ofSeconds(1), Duration.ofSeconds(10));

    private static OrderLine line(UUID product, int quantity) {
        return new OrderLine(LineId.of(UUID.randomUUID().toString()), "item", product, quantity, 100);
    }

    private static CheckoutProcess process(CheckoutProcess.State state, int attempts, Instant deadline) {
        return new CheckoutProcess("acme", UUID.randomUUID(), state, "step", 1_000, attempts, null, deadline, null, null,
                false, null, NOW, NOW);
    }

    @Test
    void given_lines_of_the_same_product_and_a_line_sold_by_name_when_planning_then_one_need_per_product_in_id_order() {
        // given
        List<OrderLine> lines = List.of(line(KEYBOARD, 2), line(null, 5), line(MOUSE, 1), line(KEYBOARD, 3));
        // when
        List<StockNeed> needs = CheckoutDecisions.stockNeeds(lines);
        // then
        assertThat(needs).containsExactly(new StockNeed(MOUSE, 1), new StockNeed(KEYBOARD, 5));
    }

    @Test
    void given_an_approval_when_it_arrives_then_the_order_is_confirmed_with_the_providers_reference() {
        assertThat(CheckoutDecisions.afterAnswer(new PaymentGateway.Approved("auth-7"))).isEqualTo(new Confirm("auth-7"));
    }

    @Test
    void given_a_decline_when_it_arrives_then_the_checkout_is_cancelled_as_declined() {
        assertThat(CheckoutDecisions.afterAnswer(new PaymentGateway.Declined("card expired")))
                .isEqualTo(new Cancel("payment_declined", "payment declined: card expired"));
    }

    @Test
    void given_a_failed_call_with_attempts_left_when_deciding_then_it_is_retried_after_a_doubling_backoff() {
        assertThat(CheckoutDecisions.afterFailure(1, "HTTP 503", SETTINGS, NOW, NOW.plusSeconds(30)))
                .isEqualTo(new Retry(NOW.plusSeconds(1), "HTTP 503"));
        assertThat(CheckoutDecisions.afterFailure(2, "HTTP 503", SETTINGS, NOW, NOW.plusSeconds(30)))
                .isEqualTo(new Retry(NOW.plusSeconds(2), "HTTP 503"));
    }

    @Test
    void given_a_retry_that_would_wait_past_the_deadline_when_deciding_then_it_waits_only_until_the_deadline() {
        assertThat(CheckoutDecisions.afterFailure(2, "timeout", SETTINGS, NOW, NOW.plusMillis(500)))
                .isEqualTo(new Retry(NOW.plusMillis(500), "timeout"));
    }

    @Test
    void given_every_attempt_used_when_another_call_fails_then_the_checkout_is_cancelled_as_failed() {
        assertThat(CheckoutDecisions.afterFailure(3, "HTTP 500", SETTINGS, NOW, NOW.plusSeconds(30)))
                .isInstanceOfSatisfying(Cancel.class, cancel -> assertThat(cancel.reasonCode()).isEqualTo("payment_failed"));
    }

    @Test
    void given_a_checkout_waiting_for_payment_when_its_deadline_comes_then_it_is_overdue() {
        var waiting = process(CheckoutProcess.State.WAITING_FOR_PAYMENT, 1, NOW);
        assertThat(CheckoutDecisions.overdue(waiting, NOW.minusMillis(1))).isFalse();
        assertThat(CheckoutDecisions.overdue(waiting, NOW)).isTrue();
        assertThat(CheckoutDecisions.overdue(process(CheckoutProcess.State.DONE, 1, NOW), NOW.plusSeconds(1))).isFalse();
    }

    @Test
    void given_a_cancelled_checkout_when_an_authorization_was_asked_for_and_not_declined_then_a_refund_is_needed() {
        var asked = process(CheckoutProcess.State.WAITING_FOR_PAYMENT, 1, NOW);
        assertThat(CheckoutDecisions.refundNeeded(asked, "payment_timeout")).isTrue();
        assertThat(CheckoutDecisions.refundNeeded(asked, "aborted")).isTrue();
        assertThat(CheckoutDecisions.refundNeeded(asked, "payment_declined")).isFalse();
        assertThat(CheckoutDecisions.refundNeeded(process(CheckoutProcess.State.RUNNING, 0, null), "out_of_stock"))
                .isFalse();
    }

    @Test
    void given_settings_when_failures_pile_up_then_the_backoff_doubles_up_to_an_hour() {
        assertThat(SETTINGS.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SETTINGS.backoffAfter(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(SETTINGS.backoffAfter(40)).isEqualTo(Duration.ofHours(1));
    }
}
