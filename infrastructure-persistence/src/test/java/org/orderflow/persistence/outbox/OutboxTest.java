package org.orderflow.persistence.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderflow.application.eventstore.EventMetadata;
import org.orderflow.application.eventstore.ExpectedVersion;
import org.orderflow.application.eventstore.NewEvent;
import org.orderflow.application.eventstore.StreamId;
import org.orderflow.application.eventstore.Checkpoint;
import org.orderflow.application.outbox.FailureStreak;
import org.orderflow.application.outbox.IntegrationEvent;
import org.orderflow.application.outbox.Outbox;
import org.orderflow.application.outbox.OutboxRecord;
import org.orderflow.domain.order.ItemAdded;
import org.orderflow.domain.order.OrderCreated;
import org.orderflow.persistence.eventstore.EventSerializer;
import org.orderflow.persistence.eventstore.JpaEventStore;
import org.orderflow.persistence.support.TestDatabase;

/** The events table as the outbox, against real PostgreSQL: published iff committed, in order, once per cursor. */
class OutboxTest {

    private static TestDatabase db;
    private String publisher;

    @BeforeAll
    static void database() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void aFreshPublisherAtTheHeadOfTheLog() {
        publisher = "test-" + UUID.randomUUID();
        db.run(em -> {
            List<OutboxRecord> all = drain(em, publisher);
            if (!all.isEmpty()) {
                outbox(em).markPublished(publisher, all.get(all.size() - 1).checkpoint(), 0, Instant.now());
            }
        });
    }

    @Test
    void committed_events_are_pending_in_stream_order_with_their_envelope_and_current_payload() {
        UUID order = UUID.randomUUID();
        EventMetadata metadata = new EventMetadata("corr-1", "cause-1", "user-1", "test", null);
        db.run(em -> store(em).append(stream(order), ExpectedVersion.noStream(), List.of(
                new NewEvent(UUID.randomUUID(), new OrderCreated(order, "Ada", "c-1", null), metadata),
                new NewEvent(UUID.randomUUID(), new ItemAdded(order, UUID.randomUUID(), "Tea", null, 2, 350), metadata))));

        List<OutboxRecord> pending = db.inTransaction(em -> outbox(em).pending(publisher, 10));

        assertThat(pending).extracting(r -> r.message().eventType()).containsExactly("OrderCreated", "ItemAdded");
        IntegrationEvent first = pending.get(0).message();
        assertThat(first.streamId()).isEqualTo(order.toString());
        assertThat(first.streamType()).isEqualTo("Order");
        assertThat(first.tenantId()).isEqualTo(StreamId.DEFAULT_TENANT);
        assertThat(first.streamVersion()).isEqualTo(1);
        assertThat(first.correlationId()).isEqualTo("corr-1");
        assertThat(first.causationId()).isEqualTo("cause-1");
        assertThat(first.payload()).contains("\"customerName\":\"Ada\"");
        IntegrationEvent second = pending.get(1).message();
        assertThat(second.streamVersion()).isEqualTo(2);
        assertThat(second.schemaVersion()).isEqualTo(2);
        assertThat(second.globalPosition()).isGreaterThan(first.globalPosition());
    }

    @Test
    void marking_published_moves_the_cursor_so_an_event_is_handed_out_once_per_publisher() {
        UUID order = UUID.randomUUID();
        db.run(em -> store(em).append(stream(order), ExpectedVersion.noStream(), List.of(created(order))));
        List<OutboxRecord> first = db.inTransaction(em -> outbox(em).pending(publisher, 10));
        assertThat(first).hasSize(1);

        db.run(em -> outbox(em).markPublished(publisher, first.get(0).checkpoint(), 1, Instant.now()));

        List<OutboxRecord> again = db.inTransaction(em -> outbox(em).pending(publisher, 10));
        assertThat(again).isEmpty();
        Outbox.Status status = db.inTransaction(em -> outbox(em).status(publisher));
        assertThat(status.pending()).isZero();
        assertThat(status.publishedCount()).isEqualTo(1);
        assertThat(status.cursor()).isEqualTo(first.get(0).checkpoint());
        assertThat(status.lastPublishedAt()).isPresent();
        String otherPublisher = "other-" + UUID.randomUUID();
        List<OutboxRecord> forAnother = db.inTransaction(em -> outbox(em).pending(otherPublisher, 100_000));
        assertThat(forAnother).extracting(r -> r.message().streamId()).contains(order.toString());
    }

    @Test
    void a_failure_streak_is_stored_with_the_publisher_and_ended_by_the_next_publication() {
        String fresh = "never-published-" + UUID.randomUUID();
        Instant failedAt = Instant.parse("2026-12-03T10:00:00Z");
        FailureStreak streak = new FailureStreak(3, failedAt, "ActiveMQNotConnectedException: AMQ219007", failedAt.plusSeconds(4));

        db.run(em -> outbox(em).recordFailure(fresh, streak));

        Optional<FailureStreak> stored = db.inTransaction(em -> outbox(em).failureStreak(fresh));
        assertThat(stored).as("even before its first publication").contains(streak);
        Outbox.Status failing = db.inTransaction(em -> outbox(em).status(fresh));
        assertThat(failing.failing()).contains(streak);
        assertThat(failing.lastPublishedAt()).isEmpty();
        assertThat(failing.cursor()).isEqualTo(Checkpoint.START);

        db.run(em -> outbox(em).markPublished(fresh, new Checkpoint(1, 1), 1, Instant.now()));

        Optional<FailureStreak> ended = db.inTransaction(em -> outbox(em).failureStreak(fresh));
        assertThat(ended).isEmpty();
        assertThat(db.inTransaction(em -> outbox(em).status(fresh)).failing()).isEmpty();
    }

    @Test
    void a_rolled_back_append_is_never_pending() {
        UUID rolledBack = UUID.randomUUID();
        UUID committed = UUID.randomUUID();
        EntityManager em = db.emf().createEntityManager();
        try {
            em.getTransaction().begin();
            store(em).append(stream(rolledBack), ExpectedVersion.noStream(), List.of(created(rolledBack)));
            em.getTransaction().rollback();
        } finally {
            TestDatabase.release(em);
        }
        db.run(e -> store(e).append(stream(committed), ExpectedVersion.noStream(), List.of(created(committed))));

        List<OutboxRecord> pending = db.inTransaction(e -> outbox(e).pending(publisher, 10));

        assertThat(pending).extracting(r -> r.message().streamId()).containsExactly(committed.toString());
    }

    @Test
    void an_open_earlier_transaction_holds_back_later_commits_so_nothing_is_skipped() {
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        EntityManager first = db.emf().createEntityManager();
        try {
            first.getTransaction().begin();
            store(first).append(stream(early), ExpectedVersion.noStream(), List.of(created(early)));
            db.run(em -> store(em).append(stream(late), ExpectedVersion.noStream(), List.of(created(late))));

            List<OutboxRecord> whileOpen = db.inTransaction(em -> outbox(em).pending(publisher, 10));
            assertThat(whileOpen).as("the later commit waits for the earlier writer").isEmpty();
            Outbox.Status status = db.inTransaction(em -> outbox(em).status(publisher));
            assertThat(status.pending()).as("but it is counted as waiting").isEqualTo(1);

            first.getTransaction().commit();
        } finally {
            TestDatabase.release(first);
        }
        List<OutboxRecord> pending = db.inTransaction(em -> outbox(em).pending(publisher, 10));
        assertThat(pending).extracting(r -> r.message().streamId()).containsExactly(early.toString(), late.toString());
    }

    @Test
    void only_one_transaction_at_a_time_holds_a_publisher_lock() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> holder = CompletableFuture.supplyAsync(() -> db.inTransaction(em -> {
            boolean locked = outbox(em).tryLock(publisher);
            held.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return locked;
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        Boolean secondWhileHeld = db.inTransaction(em -> outbox(em).tryLock(publisher));
        Boolean otherPublisher = db.inTransaction(em -> outbox(em).tryLock(publisher + "-b"));
        release.countDown();
        Boolean first = holder.get(10, TimeUnit.SECONDS);
        Boolean afterCommit = db.inTransaction(em -> outbox(em).tryLock(publisher));

        assertThat(first).isTrue();
        assertThat(secondWhileHeld).isFalse();
        assertThat(otherPublisher).isTrue();
        assertThat(afterCommit).isTrue();
    }

    private static List<OutboxRecord> drain(EntityManager em, String publisher) {
        return outbox(em).pending(publisher, 1_000_000);
    }

    private static StreamId stream(UUID order) {
        return StreamId.of("Order", order.toString());
    }

    private static NewEvent created(UUID order) {
        return new NewEvent(UUID.randomUUID(), new OrderCreated(order, "customer", null, null), EventMetadata.EMPTY);
    }

    private static JpaEventStore store(EntityManager em) {
        return new JpaEventStore(em, Clock.systemUTC(), new EventSerializer());
    }

    private static JpaOutbox outbox(EntityManager em) {
        return new JpaOutbox(em, store(em));
    }
}
