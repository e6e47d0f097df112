package org.orderflow.persistence.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.orderflow.application.fulfilment.CheckoutProcess;
import org.orderflow.application.fulfilment.CheckoutProcess.State;
import org.orderflow.application.fulfilment.CheckoutProcesses;
import org.orderflow.persistence.support.TestDatabase;

/** The checkouts' table against real PostgreSQL: the lifecycle, the due calls, the lease, concurrent claims. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CheckoutProcessesTest {

    private static final Instant T0 = Instant.parse("2026-12-02T18:00:00Z");
    private TestDatabase db;

    @BeforeEach
    void createSchema() {
        db = TestDatabase.create();
    }

    @AfterEach
    void dropSchema() {
        db.close();
    }

    private <T> T in(Function<CheckoutProcesses, T> work) {
        return db.inTransaction(em -> work.apply(new JpaCheckoutProcesses(em)));
    }

    private UUID waitingForPayment(String tenant) {
        UUID order = UUID.randomUUID();
        in(p -> {
            p.started(tenant, order, 9_998, T0);
            p.awaitPayment(tenant, order, T0.plusSeconds(30), T0.plusSeconds(1));
            return null;
        });
        return order;
    }

    @Test
    void given_a_started_checkout_when_its_stock_is_reserved_then_its_authorization_is_due_until_the_deadline() {
        UUID order = UUID.randomUUID();
        in(p -> {
            p.started("acme", order, 9_998, T0);
            p.started("acme", order, 1, T0.plusSeconds(5)); // the step again changes nothing
            return null;
        });
        assertThat(this.<Optional<CheckoutProcess>>in(p -> p.find("acme", order))).get().satisfies(p -> {
            assertThat(p.state()).isEqualTo(State.RUNNING);
            assertThat(p.amountCents()).isEqualTo(9_998);
            assertThat(p.startedAt()).isEqualTo(T0);
        });

        in(p -> {
            p.awaitPayment("acme", order, T0.plusSeconds(30), T0.plusSeconds(1));
            return null;
        });

        CheckoutProcess waiting = in(p -> p.find("acme", order)).orElseThrow();
        assertThat(waiting.state()).isEqualTo(State.WAITING_FOR_PAYMENT);
        assertThat(waiting.nextAttemptAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(waiting.deadline()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void given_a_due_authorization_when_claimed_then_it_counts_an_attempt_and_is_leased_away_from_other_claims() {
        UUID order = waitingForPayment("acme");

        List<CheckoutProcess> first = in(p -> p.claimDuePayments(T0.plusSeconds(2), T0.plusSeconds(12), 10));
        List<CheckoutProcess> duringLease = in(p -> p.claimDuePayments(T0.plusSeconds(5), T0.plusSeconds(15), 10));
        List<CheckoutProcess> afterLease = in(p -> p.claimDuePayments(T0.plusSeconds(12), T0.plusSeconds(22), 10));

        assertThat(first).singleElement().satisfies(p -> {
            assertThat(p.orderId()).isEqualTo(order);
            assertThat(p.paymentAttempts()).isEqualTo(1);
            assertThat(p.nextAttemptAt()).isEqualTo(T0.plusSeconds(12));
        });
        assertThat(duringLease).isEmpty();
        assertThat(afterLease).singleElement().satisfies(p -> assertThat(p.paymentAttempts()).isEqualTo(2));
    }

    @Test
    void given_many_due_authorizations_when_two_workers_claim_at_once_then_each_is_claimed_by_one() throws Exception {
        for (int i = 0; i < 40; i++) {
            waitingForPayment("acme");
        }
        ExecutorService workers = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        Function<Integer, Future<List<CheckoutProcess>>> worker = n -> workers.submit(() -> {
            go.await();
            return in(p -> p.claimDuePayments(T0.plusSeconds(2), T0.plusSeconds(12), 25));
        });
        Future<List<CheckoutProcess>> a = worker.apply(1);
        Future<List<CheckoutProcess>> b = worker.apply(2);
        go.countDown();
        List<UUID> claimed = new java.util.ArrayList<>();
        a.get().forEach(p -> claimed.add(p.orderId()));
        b.get().forEach(p -> claimed.add(p.orderId()));
        workers.shutdown();

        assertThat(claimed).hasSize(40).doesNotHaveDuplicates();
    }

    @Test
    void given_a_checkout_past_its_deadline_then_it_is_overdue_and_no_longer_claimed_for_payment() {
        UUID order = waitingForPayment("acme");

        assertThat(this.<List<CheckoutProcess>>in(p -> p.overdue(T0.plusSeconds(29), 10))).isEmpty();
        assertThat(this.<List<CheckoutProcess>>in(p -> p.overdue(T0.plusSeconds(30), 10))).extracting(CheckoutProcess::orderId).containsExactly(order);
        assertThat(this.<List<CheckoutProcess>>in(p -> p.claimDuePayments(T0.plusSeconds(30), T0.plusSeconds(40), 10))).isEmpty();
    }

    @Test
    void given_a_cancelled_checkout_that_may_have_been_paid_then_a_refund_is_due_once_and_then_it_is_failed() {
        UUID order = waitingForPayment("acme");
        in(p -> {
            p.cancelled("acme", order, "payment_timeout", true, T0.plusSeconds(31));
            return null;
        });

        List<CheckoutProcess> refunds = in(p -> p.claimDueRefunds(T0.plusSeconds(32), T0.plusSeconds(42), 10));
        assertThat(refunds).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo(State.COMPENSATING);
            assertThat(p.reasonCode()).isEqualTo("payment_timeout");
        });
        assertThat(this.<List<CheckoutProcess>>in(p -> p.claimDueRefunds(T0.plusSeconds(33), T0.plusSeconds(43), 10))).as("leased").isEmpty();

        in(p -> {
            p.refunded("acme", order, "nothing to refund", T0.plusSeconds(34));
            return null;
        });
        assertThat(this.<Optional<CheckoutProcess>>in(p -> p.find("acme", order))).get().satisfies(p -> {
            assertThat(p.state()).isEqualTo(State.FAILED);
            assertThat(p.refundPending()).isFalse();
            assertThat(p.step()).contains("nothing to refund");
        });

        // an approval that arrives later makes a refund due again
        in(p -> {
            p.approved("acme", order, "auth-1", T0.plusSeconds(40));
            p.refundDue("acme", order, T0.plusSeconds(40));
            return null;
        });
        assertThat(this.<List<CheckoutProcess>>in(p -> p.claimDueRefunds(T0.plusSeconds(41), T0.plusSeconds(51), 10))).singleElement()
                .satisfies(p -> assertThat(p.authorizationId()).isEqualTo("auth-1"));
    }

    @Test
    void given_a_cancelled_checkout_that_took_nothing_then_it_is_failed_at_once() {
        UUID order = UUID.randomUUID();
        in(p -> {
            p.started("acme", order, 100, T0);
            p.cancelled("acme", order, "out_of_stock", false, T0.plusSeconds(1));
            return null;
        });

        assertThat(this.<Optional<CheckoutProcess>>in(p -> p.find("acme", order))).get().satisfies(p -> {
            assertThat(p.state()).isEqualTo(State.FAILED);
            assertThat(p.nextAttemptAt()).isNull();
        });
        assertThat(this.<List<CheckoutProcess>>in(p -> p.claimDueRefunds(T0.plusSeconds(2), T0.plusSeconds(12), 10))).isEmpty();
        assertThat(this.<CheckoutProcesses.Stats>in(CheckoutProcesses::stats).cancelledByReason()).containsExactly(java.util.Map.entry("out_of_stock", 1L));
    }

    @Test
    void given_checkouts_of_two_tenants_when_listed_then_a_tenant_and_a_state_filter_them() {
        UUID acme = waitingForPayment("acme");
        UUID other = UUID.randomUUID();
        in(p -> {
            p.started("globex", other, 5, T0.plusSeconds(3));
            p.confirmed("globex", other, T0.plusSeconds(4));
            return null;
        });

        assertThat(this.<List<CheckoutProcess>>in(p -> p.list(Optional.empty(), Optional.empty(), 0, 10))).extracting(CheckoutProcess::orderId)
                .containsExactly(other, acme);
        assertThat(this.<List<CheckoutProcess>>in(p -> p.list(Optional.of("acme"), Optional.empty(), 0, 10))).extracting(CheckoutProcess::orderId)
                .containsExactly(acme);
        assertThat(this.<List<CheckoutProcess>>in(p -> p.list(Optional.empty(), Optional.of(State.DONE), 0, 10))).extracting(CheckoutProcess::orderId)
                .containsExactly(other);
        assertThat(this.<Optional<CheckoutProcess>>in(p -> p.findInAnyTenant(other))).get().extracting(CheckoutProcess::tenantId).isEqualTo("globex");
        assertThat(this.<Boolean>in(p -> p.retryNow("globex", other, T0))).as("a done checkout waits for no call").isFalse();
        assertThat(this.<Boolean>in(p -> p.retryNow("acme", acme, T0.plusSeconds(5)))).isTrue();
        CheckoutProcesses.Stats stats = in(CheckoutProcesses::stats);
        assertThat(stats.byState()).containsEntry(State.WAITING_FOR_PAYMENT, 1L).containsEntry(State.DONE, 1L);
        assertThat(stats.cancelledByReason()).isEmpty();
    }
}
