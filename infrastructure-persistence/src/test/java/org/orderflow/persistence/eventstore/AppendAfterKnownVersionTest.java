package org.orderflow.persistence.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
import org.orderflow.domain.order.OrderCreated;
import org.orderflow.persistence.support.TestDatabase;

/**
 * Appends after a version the process has seen committed ({@link CommittedHeads}) skip the read of
 * the stream's head. These tests hold that path to the store's guarantees: no gap, no half-written
 * append, a conflict that names the actual version and leaves the transaction usable, and nothing
 * learnt from a transaction that rolled back. "Here" and "elsewhere" are two servers: two stores,
 * each with its own knowledge, on the same database.
 */
class AppendAfterKnownVersionTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:15:30Z");
    private static TestDatabase db;

    private final CommittedHeads hereKnows = new CommittedHeads();

    @BeforeAll
    static void migrate() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private EventStore here(EntityManager em) {
        return new JpaEventStore(em, Clock.fixed(NOW, ZoneOffset.UTC), new EventSerializer(), hereKnows);
    }

    private static EventStore elsewhere(EntityManager em) {
        return new JpaEventStore(em, Clock.fixed(NOW, ZoneOffset.UTC), new EventSerializer());
    }

    private static List<NewEvent> events(DomainEvent... events) {
        List<NewEvent> result = new ArrayList<>();
        for (DomainEvent event : events) {
            result.add(new NewEvent(UUID.randomUUID(), event, EventMetadata.EMPTY));
        }
        return result;
    }

    private static OrderCreated created(StreamId stream) {
        return new OrderCreated(UUID.fromString(stream.id()), "Ada", null, null);
    }

    private static ItemAdded item(StreamId stream) {
        return new ItemAdded(UUID.fromString(stream.id()), UUID.randomUUID(), "pen", null, 1, 100);
    }

    private static List<RecordedEvent> stored(StreamId stream) {
        return db.inTransaction(em -> elsewhere(em).load(stream));
    }

    @Test
    void a_committed_append_is_known_afterwards_and_the_next_one_follows_it() {
        // given a stream created here
        StreamId stream = StreamId.of("Order", UUID.randomUUID().toString());
        db.inTransaction(em -> here(em).append(stream, ExpectedVersion.noStream(), events(created(stream))));
        assertThat(hereKnows.holds(stream, 1)).isTrue();

        // when here appends one and then three events after the versions it knows
        db.inTransaction(em -> here(em).append(stream, ExpectedVersion.exactly(1), events(item(stream))));
        AppendResult three = db.inTransaction(em ->
                here(em).append(stream, ExpectedVersion.exactly(2), events(item(stream), item(stream), item(stream))));

        // then the versions follow without a hole, positions in version order
        assertThat(three.streamVersion()).isEqualTo(5);
        List<RecordedEvent> events = stored(stream);
        assertThat(events).extracting(RecordedEvent::streamVersion).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(events).extracting(RecordedEvent::position).isSorted();
        assertThat(three.firstPosition()).isEqualTo(events.get(2).position());
        assertThat(three.lastPosition()).isEqualTo(events.get(4).position());
        assertThat(hereKnows.holds(stream, 5)).isTrue();
    }

    @Test
    void a_rolled_back_append_teaches_nothing_so_no_gap_can_follow_it() {
        // given a stream whose creation here was rolled back
        StreamId stream = StreamId.of("Order", UUID.randomUUID().toString());
        EntityManager em = db.emf().createEntityManager();
        try {
            em.getTransaction().begin();
            here(em).append(stream, ExpectedVersion.noStream(), events(created(stream)));
            em.getTransaction().rollback();
        } finally {
            TestDatabase.release(em);
        }
        assertThat(hereKnows.holds(stream, 1)).isFalse();

        // when here appends after version 1, which does not exist
        assertThatThrownBy(() -> db.inTransaction(tx ->
                here(tx).append(stream, ExpectedVersion.exactly(1), events(item(stream)))))
                // then it is a conflict naming the real head, and nothing was written at version 2
                .isInstanceOfSatisfying(ConcurrencyConflict.class,
                        conflict -> assertThat(conflict.actualVersion()).hasValue(0));
        assertThat(stored(stream)).isEmpty();
    }

    @Test
    void knowledge_behind_the_log_is_a_conflict_naming_the_head_and_the_transaction_goes_on() {
        // given a stream here knows at version 1, to which another server appended two events
        StreamId stream = StreamId.of("Order", UUID.randomUUID().toString());
        db.inTransaction(em -> here(em).append(stream, ExpectedVersion.noStream(), events(created(stream))));
        db.inTransaction(em -> elsewhere(em).append(stream, ExpectedVersion.exactly(1), events(item(stream), item(stream))));

        // when one transaction here appends after version 1, is refused, and appends after the head it was told
        AppendResult after = db.inTransaction(em -> {
            assertThatThrownBy(() -> here(em).append(stream, ExpectedVersion.exactly(1), events(item(stream))))
                    .isInstanceOfSatisfying(ConcurrencyConflict.class,
                            conflict -> assertThat(conflict.actualVersion()).hasValue(3));
            return here(em).append(stream, ExpectedVersion.exactly(3), events(item(stream)));
        });

        // then only the second append is stored
        assertThat(after.streamVersion()).isEqualTo(4);
        assertThat(stored(stream)).extracting(RecordedEvent::streamVersion).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void several_events_after_a_taken_version_write_none_of_them() {
        // given a stream here knows at version 1, to which another server appended version 2
        StreamId stream = StreamId.of("Order", UUID.randomUUID().toString());
        db.inTransaction(em -> here(em).append(stream, ExpectedVersion.noStream(), events(created(stream))));
        db.inTransaction(em -> elsewhere(em).append(stream, ExpectedVersion.exactly(1), events(item(stream))));

        // when here appends three events after version 1 (versions 3 and 4 are free, 2 is not)
        assertThatThrownBy(() -> db.inTransaction(em ->
                here(em).append(stream, ExpectedVersion.exactly(1), events(item(stream), item(stream), item(stream)))))
                .isInstanceOfSatisfying(ConcurrencyConflict.class,
                        conflict -> assertThat(conflict.actualVersion()).hasValue(2));

        // then none of the three was written
        assertThat(stored(stream)).extracting(RecordedEvent::streamVersion).containsExactly(1L, 2L);
    }

    @Test
    void creating_a_stream_that_exists_is_a_conflict_naming_its_head() {
        // given a stream created on another server
        StreamId stream = StreamId.of("Order", UUID.randomUUID().toString());
        db.inTransaction(em -> elsewhere(em).append(stream, ExpectedVersion.noStream(), events(created(stream), item(stream))));

        // when here creates it again, with one event and with two
        for (List<NewEvent> attempt : List.of(events(created(stream)), events(created(stream), item(stream)))) {
            assertThatThrownBy(() -> db.inTransaction(em -> here(em).append(stream, ExpectedVersion.noStream(), attempt)))
                    .isInstanceOfSatisfying(ConcurrencyConflict.class,
                            conflict -> assertThat(conflict.actualVersion()).hasValue(2));
        }

        // then the stream is as the other server left it
        assertThat(stored(stream)).hasSize(2);
    }

    @Test
    void a_writer_that_loses_the_race_for_a_known_version_waits_and_is_told_the_winners_version() throws Exception {
        // given a stream known at version 1, and another server's uncommitted append of version 2
        StreamId stream = StreamId.of("Order", UUID.randomUUID().toString());
        db.inTransaction(em -> here(em).append(stream, ExpectedVersion.noStream(), events(created(stream))));
        ExecutorService executor = Executors.newSingleThreadExecutor();
        EntityManager winner = db.emf().createEntityManager();
        try {
            winner.getTransaction().begin();
            elsewhere(winner).append(stream, ExpectedVersion.exactly(1), events(item(stream)));

            // when here appends after version 1 too: its insert waits for the winner's index entry
            Future<Throwable> loser = executor.submit(() -> {
                try {
                    db.inTransaction(em -> here(em).append(stream, ExpectedVersion.exactly(1), events(item(stream))));
                    return null;
                } catch (Throwable e) {
                    return e;
                }
            });
            awaitABlockedInsert();
            winner.getTransaction().commit();

            // then, once the winner commits, the loser's conflict names the version it lost to
            assertThat(loser.get(30, TimeUnit.SECONDS)).isInstanceOfSatisfying(ConcurrencyConflict.class,
                    conflict -> assertThat(conflict.actualVersion()).hasValue(2));
        } finally {
            TestDatabase.release(winner);
            executor.shutdownNow();
        }
        assertThat(stored(stream)).extracting(RecordedEvent::streamVersion).containsExactly(1L, 2L);
    }

    @Test
    void what_a_committed_transaction_loaded_is_known_afterwards() {
        // given a stream written elsewhere
        StreamId stream = StreamId.of("Order", UUID.randomUUID().toString());
        db.inTransaction(em -> elsewhere(em).append(stream, ExpectedVersion.noStream(), events(created(stream), item(stream))));

        // when here loads it in a transaction that rolls back, then in one that commits
        EntityManager em = db.emf().createEntityManager();
        try {
            em.getTransaction().begin();
            here(em).load(stream);
            em.getTransaction().rollback();
        } finally {
            TestDatabase.release(em);
        }
        boolean afterRollback = hereKnows.holds(stream, 2);
        db.inTransaction(tx -> here(tx).load(stream));

        // then only the committed load taught it the head
        assertThat(afterRollback).isFalse();
        assertThat(hereKnows.holds(stream, 2)).isTrue();
        assertThat(hereKnows.holds(stream, 3)).isFalse();
    }

    @Test
    void past_its_capacity_the_knowledge_starts_over() {
        // given knowledge of at most two streams
        CommittedHeads heads = new CommittedHeads(2);
        StreamId a = StreamId.of("Order", "a");
        StreamId b = StreamId.of("Order", "b");
        StreamId c = StreamId.of("Order", "c");
        heads.learn(a, 3);
        heads.learn(b, 1);

        // when a third is learnt
        heads.learn(c, 7);

        // then only the newest is remembered, and a stream's head only grows
        assertThat(heads.holds(a, 1)).isFalse();
        assertThat(heads.holds(c, 7)).isTrue();
        heads.learn(c, 5);
        assertThat(heads.holds(c, 7)).isTrue();
        assertThat(heads.size()).isEqualTo(1);
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
}
