package org.orderflow.persistence.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderflow.application.eventstore.Checkpoint;
import org.orderflow.application.eventstore.EventMetadata;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.application.eventstore.ExpectedVersion;
import org.orderflow.application.eventstore.NewEvent;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.application.eventstore.StreamId;
import org.orderflow.domain.order.ItemAdded;
import org.orderflow.domain.order.OrderCreated;
import org.orderflow.persistence.support.TestDatabase;

/**
 * The global log must never skip an event whose transaction commits after a later-positioned
 * one. Each test uses its own schema, so no other writer shares its log.
 */
class GlobalLogReadTest {

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
        return new JpaEventStore(em, Clock.systemUTC(), new EventSerializer());
    }

    private static NewEvent created(UUID order) {
        return new NewEvent(UUID.randomUUID(), new OrderCreated(order, "customer", null, null), EventMetadata.EMPTY);
    }

    private static NewEvent item(UUID order) {
        return new NewEvent(UUID.randomUUID(),
                new ItemAdded(order, UUID.randomUUID(), "item", null, 1, 100), EventMetadata.EMPTY);
    }

    /** Reads everything currently readable after the checkpoint, in batches of the given size. */
    private static List<RecordedEvent> drain(Checkpoint after, int batch) {
        List<RecordedEvent> all = new ArrayList<>();
        Checkpoint checkpoint = after;
        while (true) {
            Checkpoint from = checkpoint;
            List<RecordedEvent> page = db.inTransaction(em -> store(em).readAll(from, batch));
            if (page.isEmpty()) {
                return all;
            }
            all.addAll(page);
            checkpoint = page.get(page.size() - 1).checkpoint();
        }
    }

    private static Checkpoint head() {
        List<RecordedEvent> all = drain(Checkpoint.START, 500);
        return all.isEmpty() ? Checkpoint.START : all.get(all.size() - 1).checkpoint();
    }

    @Test
    void a_transaction_that_commits_late_is_not_skipped_by_a_reader_that_polled_in_between() {
        Checkpoint start = head();
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        EntityManager first = db.emf().createEntityManager();
        EntityManager second = db.emf().createEntityManager();
        try {
            // The first transaction writes first (lower transaction id and position) ...
            first.getTransaction().begin();
            long firstPosition = store(first).append(StreamId.of("Order", early.toString()),
                    ExpectedVersion.noStream(), List.of(created(early))).lastPosition();
            // ... the second writes after it and commits first.
            second.getTransaction().begin();
            long secondPosition = store(second).append(StreamId.of("Order", late.toString()),
                    ExpectedVersion.noStream(), List.of(created(late))).lastPosition();
            second.getTransaction().commit();
            assertThat(secondPosition).isGreaterThan(firstPosition);

            // A reader polling now must not move past the first transaction's event.
            assertThat(drain(start, 10)).as("nothing is readable while an earlier writer is open").isEmpty();

            first.getTransaction().commit();
        } finally {
            TestDatabase.release(first);
            TestDatabase.release(second);
        }

        List<RecordedEvent> read = drain(start, 10);
        assertThat(read).extracting(e -> e.stream().id()).containsExactly(early.toString(), late.toString());
    }

    @Test
    void a_rolled_back_transaction_leaves_no_event_and_does_not_block_readers() {
        Checkpoint start = head();
        UUID rolledBack = UUID.randomUUID();
        UUID committed = UUID.randomUUID();
        EntityManager em = db.emf().createEntityManager();
        try {
            em.getTransaction().begin();
            store(em).append(StreamId.of("Order", rolledBack.toString()), ExpectedVersion.noStream(),
                    List.of(created(rolledBack)));
            db.inTransaction(other -> store(other).append(StreamId.of("Order", committed.toString()),
                    ExpectedVersion.noStream(), List.of(created(committed))));
            em.getTransaction().rollback();
        } finally {
            TestDatabase.release(em);
        }

        assertThat(drain(start, 10)).extracting(e -> e.stream().id()).containsExactly(committed.toString());
    }

    @Test
    void under_concurrent_writers_one_reader_sees_every_committed_event_exactly_once_in_stream_order()
            throws Exception {
        Checkpoint start = head();
        int writers = 8;
        int transactionsPerWriter = 150;
        Set<UUID> committed = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService executor = Executors.newFixedThreadPool(writers + 1);

        Future<List<RecordedEvent>> reader = executor.submit(() -> {
            List<RecordedEvent> seen = new ArrayList<>();
            Checkpoint checkpoint = start;
            while (true) {
                boolean finalPass = !writing.get();
                Checkpoint from = checkpoint;
                List<RecordedEvent> page = db.inTransaction(em -> store(em).readAll(from, 37));
                if (!page.isEmpty()) {
                    seen.addAll(page);
                    checkpoint = page.get(page.size() - 1).checkpoint();
                } else if (finalPass) {
                    return seen;
                }
            }
        });
        List<Future<?>> writerFutures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            writerFutures.add(executor.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int t = 0; t < transactionsPerWriter; t++) {
                    UUID order = UUID.randomUUID();
                    List<NewEvent> batch = new ArrayList<>();
                    batch.add(created(order));
                    for (int i = random.nextInt(3); i > 0; i--) {
                        batch.add(item(order));
                    }
                    boolean rollBack = random.nextInt(10) == 0;
                    EntityManager em = db.emf().createEntityManager();
                    try {
                        em.getTransaction().begin();
                        store(em).append(StreamId.of("Order", order.toString()), ExpectedVersion.noStream(), batch);
                        if (random.nextBoolean()) {
                            Thread.sleep(random.nextInt(3)); // widen the window between insert and commit
                        }
                        if (rollBack) {
                            em.getTransaction().rollback();
                        } else {
                            em.getTransaction().commit();
                            batch.forEach(e -> committed.add(e.eventId()));
                        }
                    } finally {
                        TestDatabase.release(em);
                    }
                }
                return null;
            }));
        }
        for (Future<?> writer : writerFutures) {
            writer.get(5, TimeUnit.MINUTES);
        }
        writing.set(false);
        List<RecordedEvent> seen = reader.get(5, TimeUnit.MINUTES);
        executor.shutdown();

        List<UUID> seenIds = seen.stream().map(RecordedEvent::eventId).toList();
        assertThat(new HashSet<>(seenIds)).as("every committed event, nothing else").isEqualTo(committed);
        assertThat(seenIds).as("no event twice").doesNotHaveDuplicates();
        assertThat(seen).extracting(RecordedEvent::checkpoint).as("checkpoints strictly increase")
                .isSortedAccordingTo(Checkpoint::compareTo);
        Map<String, List<Long>> versionsByStream = new HashMap<>();
        seen.forEach(e -> versionsByStream.computeIfAbsent(e.stream().id(), k -> new ArrayList<>()).add(e.streamVersion()));
        versionsByStream.values().forEach(versions -> {
            List<Long> sorted = new ArrayList<>(versions);
            Collections.sort(sorted);
            assertThat(versions).as("stream order").isEqualTo(sorted);
        });
        assertThat(committed).hasSizeGreaterThan(writers * transactionsPerWriter / 2);
    }
}
