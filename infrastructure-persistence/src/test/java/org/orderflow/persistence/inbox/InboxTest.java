package org.orderflow.persistence.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderflow.application.consumer.EventConsumer;
import org.orderflow.application.consumer.IdempotentDelivery;
import org.orderflow.application.outbox.IntegrationEvent;
import org.orderflow.persistence.support.TestDatabase;

/** Idempotent consumers against real PostgreSQL: one effect per event, even for concurrent twins. */
class InboxTest {

    private static TestDatabase db;

    @BeforeAll
    static void database() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void a_redelivered_event_has_no_second_effect() {
        CountingConsumer consumer = new CountingConsumer("c-" + UUID.randomUUID(), false);
        IntegrationEvent event = event();

        IdempotentDelivery.Result first = db.inTransaction(em -> delivery(em).deliver(consumer, event));
        IdempotentDelivery.Result second = db.inTransaction(em -> delivery(em).deliver(consumer, event));

        assertThat(first).isEqualTo(IdempotentDelivery.Result.PROCESSED);
        assertThat(second).isEqualTo(IdempotentDelivery.Result.DUPLICATE);
        assertThat(consumer.effects.get()).isEqualTo(1);
        Long processed = db.inTransaction(em -> new JpaInbox(em).processedCount(consumer.name()));
        assertThat(processed).isEqualTo(1);
    }

    @Test
    void a_failed_effect_leaves_no_entry_so_the_redelivery_performs_it() {
        CountingConsumer failing = new CountingConsumer("c-" + UUID.randomUUID(), true);
        IntegrationEvent event = event();
        try {
            db.run(em -> delivery(em).deliver(failing, event));
        } catch (IllegalStateException expected) {
            // the transaction rolled back with the effect
        }
        CountingConsumer healthy = new CountingConsumer(failing.name(), false);

        IdempotentDelivery.Result retried = db.inTransaction(em -> delivery(em).deliver(healthy, event));

        assertThat(retried).isEqualTo(IdempotentDelivery.Result.PROCESSED);
        assertThat(healthy.effects.get()).isEqualTo(1);
    }

    @Test
    void each_consumer_has_its_own_inbox() {
        IntegrationEvent event = event();
        CountingConsumer mail = new CountingConsumer("mail-" + UUID.randomUUID(), false);
        CountingConsumer hook = new CountingConsumer("hook-" + UUID.randomUUID(), false);

        db.run(em -> delivery(em).deliver(mail, event));
        db.run(em -> delivery(em).deliver(hook, event));

        assertThat(mail.effects.get()).isEqualTo(1);
        assertThat(hook.effects.get()).isEqualTo(1);
    }

    @Test
    void concurrent_twins_of_one_event_make_one_effect() throws Exception {
        CountingConsumer consumer = new CountingConsumer("c-" + UUID.randomUUID(), false);
        IntegrationEvent event = event();
        List<CompletableFuture<IdempotentDelivery.Result>> twins = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            twins.add(CompletableFuture.supplyAsync(() -> db.inTransaction(em -> delivery(em).deliver(consumer, event))));
        }
        List<IdempotentDelivery.Result> results = new ArrayList<>();
        for (CompletableFuture<IdempotentDelivery.Result> twin : twins) {
            results.add(twin.get(20, TimeUnit.SECONDS));
        }

        assertThat(results).containsOnlyOnce(IdempotentDelivery.Result.PROCESSED);
        assertThat(consumer.effects.get()).isEqualTo(1);
    }

    @Test
    void retention_forgets_old_entries_only() {
        CountingConsumer consumer = new CountingConsumer("c-" + UUID.randomUUID(), false);
        Instant now = Instant.now();
        IntegrationEvent old = event();
        IntegrationEvent recent = event();
        db.run(em -> new JpaInbox(em).claim(consumer.name(), old, now.minus(Duration.ofDays(8))));
        db.run(em -> new JpaInbox(em).claim(consumer.name(), recent, now));

        Integer purged = db.inTransaction(em -> new JpaInbox(em).purgeProcessedBefore(now.minus(Duration.ofDays(7))));

        assertThat(purged).isGreaterThanOrEqualTo(1);
        Long left = db.inTransaction(em -> new JpaInbox(em).processedCount(consumer.name()));
        assertThat(left).isEqualTo(1);
    }

    private static IdempotentDelivery delivery(EntityManager em) {
        return new IdempotentDelivery(new JpaInbox(em), Clock.systemUTC());
    }

    private static IntegrationEvent event() {
        return new IntegrationEvent(UUID.randomUUID(), "OrderConfirmed", 1, "default", "Order",
                UUID.randomUUID().toString(), 3, 42, Instant.now(), "corr", "cause", "{}");
    }

    private static final class CountingConsumer implements EventConsumer {
        private final String name;
        private final boolean fail;
        final AtomicInteger effects = new AtomicInteger();

        CountingConsumer(String name, boolean fail) {
            this.name = name;
            this.fail = fail;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean accepts(IntegrationEvent event) {
            return true;
        }

        @Override
        public String handle(IntegrationEvent event) {
            if (fail) {
                throw new IllegalStateException("effect failed");
            }
            effects.incrementAndGet();
            return "counted";
        }
    }
}
