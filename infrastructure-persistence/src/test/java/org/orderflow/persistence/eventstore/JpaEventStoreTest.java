package org.orderflow.persistence.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderflow.application.eventstore.AppendResult;
import org.orderflow.application.eventstore.ConcurrencyConflict;
import org.orderflow.application.eventstore.EventMetadata;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.application.eventstore.ExpectedVersion;
import org.orderflow.application.eventstore.NewEvent;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.application.eventstore.StreamId;
import org.orderflow.domain.DomainEvent;
import org.orderflow.domain.order.ItemAdded;
import org.orderflow.domain.order.OrderConfirmed;
import org.orderflow.domain.order.OrderCreated;
import org.orderflow.persistence.support.SampleEvents;
import org.orderflow.persistence.support.TestDatabase;

class JpaEventStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123456Z");
    private static TestDatabase db;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static EventStore store(EntityManager em) {
        return new JpaEventStore(em, Clock.fixed(NOW, ZoneOffset.UTC), new EventSerializer());
    }

    private static StreamId newOrderStream() {
        return StreamId.of("Order", UUID.randomUUID().toString());
    }

    private static List<NewEvent> events(DomainEvent... events) {
        List<NewEvent> result = new ArrayList<>();
        for (DomainEvent event : events) {
            result.add(new NewEvent(UUID.randomUUID(), event, new EventMetadata("corr", "cause", "alice", "test", "trace")));
        }
        return result;
    }

    private static AppendResult append(StreamId stream, ExpectedVersion expected, DomainEvent... events) {
        return db.inTransaction(em -> store(em).append(stream, expected, events(events)));
    }

    private static List<RecordedEvent> load(StreamId stream) {
        return load(stream, 0);
    }

    private static List<RecordedEvent> load(StreamId stream, long afterVersion) {
        return db.inTransaction(em -> store(em).load(stream, afterVersion));
    }

    private static long currentVersion(StreamId stream) {
        return db.inTransaction(em -> store(em).currentVersion(stream));
    }

    private static OrderCreated created(StreamId stream) {
        return new OrderCreated(UUID.fromString(stream.id()), "山田太郎", null, null);
    }

    private static ItemAdded item(StreamId stream) {
        return new ItemAdded(UUID.fromString(stream.id()), UUID.randomUUID(), "ノートPC", null, 1, 120_000);
    }

    @Test
    void appended_events_load_back_in_version_order_with_their_envelope() {
        StreamId stream = newOrderStream();
        List<NewEvent> toAppend = events(created(stream), item(stream), item(stream));

        AppendResult result = db.inTransaction(em -> store(em).append(stream, ExpectedVersion.noStream(), toAppend));
        List<RecordedEvent> loaded = load(stream);

        assertThat(result.streamVersion()).isEqualTo(3);
        assertThat(result.lastPosition()).isGreaterThan(result.firstPosition());
        assertThat(loaded).extracting(RecordedEvent::streamVersion).containsExactly(1L, 2L, 3L);
        assertThat(loaded).extracting(RecordedEvent::eventId)
                .containsExactlyElementsOf(toAppend.stream().map(NewEvent::eventId).toList());
        assertThat(loaded).extracting(RecordedEvent::event)
                .containsExactlyElementsOf(toAppend.stream().map(NewEvent::event).toList());
        RecordedEvent first = loaded.get(0);
        assertThat(first.stream()).isEqualTo(stream);
        assertThat(first.eventType()).isEqualTo("OrderCreated");
        assertThat(first.schemaVersion()).isEqualTo(1);
        assertThat(first.recordedAt()).isEqualTo(NOW);
        assertThat(first.metadata()).isEqualTo(new EventMetadata("corr", "cause", "alice", "test", "trace"));
        assertThat(first.position()).isEqualTo(result.firstPosition());
        assertThat(first.transactionId()).isPositive();
        assertThat(loaded).extracting(RecordedEvent::transactionId).containsOnly(first.transactionId());
    }

    @Test
    void every_event_type_round_trips_through_the_database() {
        StreamId stream = newOrderStream();
        List<DomainEvent> all = SampleEvents.all();

        append(stream, ExpectedVersion.noStream(), all.toArray(DomainEvent[]::new));

        assertThat(load(stream)).extracting(RecordedEvent::event)
                .containsExactlyElementsOf(all);
    }

    @Test
    void load_after_a_version_returns_only_the_tail() {
        StreamId stream = newOrderStream();
        append(stream, ExpectedVersion.noStream(), created(stream), item(stream), item(stream));

        assertThat(load(stream, 2))
                .extracting(RecordedEvent::streamVersion).containsExactly(3L);
        assertThat(load(stream, 3)).isEmpty();
        assertThat(load(newOrderStream())).isEmpty();
    }

    @Test
    void load_honours_a_maximum_count() {
        StreamId stream = newOrderStream();
        append(stream, ExpectedVersion.noStream(), created(stream), item(stream), item(stream), item(stream));

        List<RecordedEvent> page = db.inTransaction(em -> store(em).load(stream, 1, 2));

        assertThat(page).extracting(RecordedEvent::streamVersion).containsExactly(2L, 3L);
    }

    @Test
    void a_stream_is_not_visible_under_another_type() {
        StreamId order = newOrderStream();
        StreamId sameIdAsProduct = StreamId.of("Product", order.id());
        append(order, ExpectedVersion.noStream(), created(order));

        assertThat(load(sameIdAsProduct)).isEmpty();
        assertThat(currentVersion(sameIdAsProduct)).isZero();
    }

    @Test
    void current_version_is_zero_for_a_missing_stream_and_the_last_version_otherwise() {
        StreamId stream = newOrderStream();
        assertThat(currentVersion(stream)).isZero();

        append(stream, ExpectedVersion.noStream(), created(stream), item(stream));

        assertThat(currentVersion(stream)).isEqualTo(2);
    }

    @Test
    void expected_version_no_stream() {
        StreamId stream = newOrderStream();
        append(stream, ExpectedVersion.noStream(), created(stream));

        assertThatThrownBy(() -> append(stream, ExpectedVersion.noStream(), item(stream)))
                .isInstanceOfSatisfying(ConcurrencyConflict.class, conflict -> {
                    assertThat(conflict.stream()).isEqualTo(stream);
                    assertThat(conflict.expected()).isEqualTo(ExpectedVersion.noStream());
                    // the expectation is part of the insert: nothing was written, and the head is named
                    assertThat(conflict.actualVersion()).hasValue(1);
                });
        assertThat(currentVersion(stream)).isEqualTo(1);
    }

    @Test
    void expected_version_stream_exists() {
        StreamId stream = newOrderStream();
        assertThatThrownBy(() -> append(stream, ExpectedVersion.streamExists(), created(stream)))
                .isInstanceOfSatisfying(ConcurrencyConflict.class,
                        conflict -> assertThat(conflict.actualVersion()).hasValue(0));

        append(stream, ExpectedVersion.noStream(), created(stream));

        assertThat(append(stream, ExpectedVersion.streamExists(), item(stream)).streamVersion()).isEqualTo(2);
    }

    @Test
    void expected_version_exact() {
        StreamId stream = newOrderStream();
        append(stream, ExpectedVersion.exactly(0), created(stream));
        append(stream, ExpectedVersion.exactly(1), item(stream));

        assertThatThrownBy(() -> append(stream, ExpectedVersion.exactly(1), item(stream)))
                .isInstanceOfSatisfying(ConcurrencyConflict.class, conflict -> {
                    assertThat(conflict.expected()).isEqualTo(ExpectedVersion.exactly(1));
                    assertThat(conflict.actualVersion()).hasValue(2);
                    assertThat(conflict).hasMessageContaining("expected version 1").hasMessageContaining("version 2");
                });
        assertThat(currentVersion(stream)).isEqualTo(2);
    }

    @Test
    void expected_version_any_appends_whatever_the_version() {
        StreamId stream = newOrderStream();

        assertThat(append(stream, ExpectedVersion.any(), created(stream)).streamVersion()).isEqualTo(1);
        assertThat(append(stream, ExpectedVersion.any(), item(stream), item(stream)).streamVersion()).isEqualTo(3);
    }

    @Test
    void a_failed_append_stores_nothing() {
        StreamId stream = newOrderStream();
        append(stream, ExpectedVersion.noStream(), created(stream));

        assertThatThrownBy(() -> append(stream, ExpectedVersion.exactly(0), item(stream), item(stream)))
                .isInstanceOf(ConcurrencyConflict.class);

        assertThat(load(stream)).hasSize(1);
    }

    @Test
    void an_expected_version_beyond_the_head_writes_nothing_leaves_no_gap_and_keeps_the_transaction_usable() {
        // given a stream at version 1
        StreamId stream = newOrderStream();
        append(stream, ExpectedVersion.noStream(), created(stream));

        // when one transaction expects version 5, is refused, and then appends at the real head
        AppendResult after = db.inTransaction(em -> {
            assertThatThrownBy(() -> store(em).append(stream, ExpectedVersion.exactly(5), events(item(stream))))
                    .isInstanceOfSatisfying(ConcurrencyConflict.class,
                            conflict -> assertThat(conflict.actualVersion()).hasValue(1));
            return store(em).append(stream, ExpectedVersion.exactly(1), events(item(stream), item(stream)));
        });

        // then the versions follow the head without a hole, in the order given, positions ascending
        assertThat(after.streamVersion()).isEqualTo(3);
        List<RecordedEvent> events = load(stream);
        assertThat(events).extracting(RecordedEvent::streamVersion).containsExactly(1L, 2L, 3L);
        assertThat(events.get(1).position()).isLessThan(events.get(2).position());
        assertThat(after.firstPosition()).isEqualTo(events.get(1).position());
        assertThat(after.lastPosition()).isEqualTo(events.get(2).position());
    }

    @Test
    void the_same_stream_id_in_two_tenants_is_two_streams() {
        String id = UUID.randomUUID().toString();
        StreamId acme = new StreamId("acme", "Order", id);
        StreamId globex = new StreamId("globex", "Order", id);

        append(acme, ExpectedVersion.noStream(), created(acme), item(acme));
        append(globex, ExpectedVersion.noStream(), created(globex));

        assertThat(load(acme)).hasSize(2)
                .allSatisfy(e -> assertThat(e.stream().tenantId()).isEqualTo("acme"));
        assertThat(load(globex)).hasSize(1);
    }

    @Test
    void a_race_lost_at_flush_is_a_conflict_inside_append_not_at_commit() throws Exception {
        StreamId stream = newOrderStream();
        append(stream, ExpectedVersion.noStream(), created(stream));
        ExecutorService executor = Executors.newSingleThreadExecutor();
        EntityManager winner = db.emf().createEntityManager();
        try {
            // The winner has inserted version 2 but not committed yet.
            winner.getTransaction().begin();
            store(winner).append(stream, ExpectedVersion.exactly(1), events(item(stream)));

            // The loser read version 1 as well; its insert waits on the winner's index entry.
            Future<Throwable> loser = executor.submit(() -> {
                EntityManager em = db.emf().createEntityManager();
                try {
                    em.getTransaction().begin();
                    store(em).append(stream, ExpectedVersion.exactly(1), events(new OrderConfirmed(
                            UUID.fromString(stream.id()), 1)));
                    return null;
                } catch (Throwable e) {
                    return e;
                } finally {
                    TestDatabase.release(em);
                }
            });
            awaitABlockedInsert();
            winner.getTransaction().commit();

            assertThat(loser.get(30, TimeUnit.SECONDS)).isInstanceOfSatisfying(ConcurrencyConflict.class,
                    conflict -> assertThat(conflict.actualVersion()).isEmpty());
        } finally {
            TestDatabase.release(winner);
            executor.shutdownNow();
        }
        assertThat(load(stream)).extracting(RecordedEvent::event)
                .hasSize(2).last().isInstanceOf(ItemAdded.class);
    }

    @Test
    void a_locked_stream_makes_the_next_writer_wait_until_the_holder_commits_and_then_decide_on_its_events()
            throws Exception {
        // given a stream that one transaction holds and has appended to, uncommitted
        StreamId stream = newOrderStream();
        StreamId other = newOrderStream();
        append(stream, ExpectedVersion.noStream(), created(stream));
        ExecutorService executor = Executors.newSingleThreadExecutor();
        EntityManager holder = db.emf().createEntityManager();
        try {
            holder.getTransaction().begin();
            store(holder).lockStream(stream);
            store(holder).append(stream, ExpectedVersion.exactly(1), events(item(stream)));

            // when a second writer locks the same stream, it waits ...
            Future<Long> follower = executor.submit(() -> db.inTransaction(em -> {
                store(em).lockStream(stream);
                long seen = store(em).currentVersion(stream);
                store(em).append(stream, ExpectedVersion.exactly(seen), events(new OrderConfirmed(UUID.fromString(stream.id()), 1)));
                return seen;
            }));
            awaitABlockedLock();
            assertThat(follower.isDone()).isFalse();
            // ... while another stream is not held
            db.inTransaction(em -> {
                store(em).lockStream(other);
                return null;
            });
            holder.getTransaction().commit();

            // then it goes on after the commit and sees the holder's event: no conflict
            assertThat(follower.get(30, TimeUnit.SECONDS)).isEqualTo(2);
        } finally {
            TestDatabase.release(holder);
            executor.shutdownNow();
        }
        assertThat(load(stream)).extracting(RecordedEvent::streamVersion).containsExactly(1L, 2L, 3L);
    }

    private static void awaitABlockedLock() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (var connection = db.connection();
                 var rs = connection.createStatement().executeQuery(
                         "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the second writer never waited for the stream");
    }

    private static void awaitABlockedInsert() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (var connection = db.connection();
                 var rs = connection.createStatement().executeQuery(
                         "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%insert into events%'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the second insert never blocked on the first");
    }

    @Test
    void of_many_writers_at_the_same_expected_version_exactly_one_wins() throws Exception {
        StreamId stream = newOrderStream();
        append(stream, ExpectedVersion.noStream(), created(stream));
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(writers);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Callable<Boolean> writer = () -> {
                start.await();
                try {
                    append(stream, ExpectedVersion.exactly(1), item(stream));
                    return true;
                } catch (ConcurrencyConflict conflict) {
                    return false;
                }
            };
            outcomes.add(executor.submit(writer));
        }
        start.countDown();
        int wins = 0;
        for (Future<Boolean> outcome : outcomes) {
            wins += outcome.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        executor.shutdown();

        assertThat(wins).isEqualTo(1);
        assertThat(load(stream)).extracting(RecordedEvent::streamVersion)
                .containsExactly(1L, 2L);
    }

    @Test
    void appending_nothing_is_a_programming_error() {
        assertThatThrownBy(() -> db.inTransaction(em -> store(em).append(newOrderStream(), ExpectedVersion.any(), List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_events_of_one_correlation_id_are_found_across_streams_in_log_order_within_a_tenant() {
        // given one request's events in three streams of two tenants, and another request's event
        String correlation = "req-" + UUID.randomUUID();
        StreamId first = new StreamId("acme", "Order", UUID.randomUUID().toString());
        StreamId second = new StreamId("acme", "Product", UUID.randomUUID().toString());
        StreamId elsewhere = new StreamId("globex", "Order", UUID.randomUUID().toString());
        EventMetadata request = new EventMetadata(correlation, "cause", "alice", "test", "");
        db.inTransaction(em -> store(em).append(first, ExpectedVersion.noStream(),
                List.of(new NewEvent(UUID.randomUUID(), created(first), request),
                        new NewEvent(UUID.randomUUID(), item(first), request))));
        db.inTransaction(em -> store(em).append(second, ExpectedVersion.noStream(),
                List.of(new NewEvent(UUID.randomUUID(), created(second), request))));
        db.inTransaction(em -> store(em).append(elsewhere, ExpectedVersion.noStream(),
                List.of(new NewEvent(UUID.randomUUID(), created(elsewhere), request))));
        append(newOrderStream(), ExpectedVersion.noStream(), created(newOrderStream()));

        // when the correlation is followed for every tenant, for one tenant, and page by page
        List<RecordedEvent> all = db.inTransaction(em -> store(em).correlated(correlation, Optional.empty(), 0, 100));
        List<RecordedEvent> acme = db.inTransaction(em -> store(em).correlated(correlation, Optional.of("acme"), 0, 100));
        List<RecordedEvent> firstPage = db.inTransaction(em -> store(em).correlated(correlation, Optional.empty(), 0, 2));
        List<RecordedEvent> nextPage = db.inTransaction(em -> store(em).correlated(correlation, Optional.empty(),
                firstPage.get(1).position(), 2));

        // then every stream's events come in position order, scoped and paged as asked
        assertThat(all).extracting(e -> e.stream().id() + "@" + e.streamVersion())
                .containsExactly(first.id() + "@1", first.id() + "@2", second.id() + "@1", elsewhere.id() + "@1");
        assertThat(all).extracting(RecordedEvent::position).isSorted();
        assertThat(acme).extracting(e -> e.stream().tenantId()).containsOnly("acme").hasSize(3);
        assertThat(nextPage).extracting(e -> e.stream().id()).containsExactly(second.id(), elsewhere.id());
        List<RecordedEvent> none = db.inTransaction(em -> store(em).correlated("no-such-request", Optional.empty(), 0, 10));
        assertThat(none).isEmpty();
    }
}
