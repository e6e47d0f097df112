package org.orderflow.persistence.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderflow.application.cluster.Node;
import org.orderflow.application.command.CommandContext;
import org.orderflow.application.eventstore.Checkpoint;
import org.orderflow.application.eventstore.StreamId;
import org.orderflow.application.order.OrderQueries;
import org.orderflow.application.order.OrderView;
import org.orderflow.application.order.Orders;
import org.orderflow.application.projection.LiveBatches;
import org.orderflow.application.projection.ProjectionSegments;
import org.orderflow.application.projection.ProjectionStatus;
import org.orderflow.application.projection.Projector;
import org.orderflow.application.projection.Projectors;
import org.orderflow.application.projection.RetrySchedule;
import org.orderflow.application.projection.Segment;
import org.orderflow.application.snapshot.SnapshotPolicy;
import org.orderflow.application.tracing.Tracing;
import org.orderflow.domain.order.LineId;
import org.orderflow.domain.order.Order;
import org.orderflow.domain.order.OrderId;
import org.orderflow.persistence.eventstore.EventSerializer;
import org.orderflow.persistence.eventstore.JpaEventStore;
import org.orderflow.persistence.projection.JpaProjectionCheckpoints;
import org.orderflow.persistence.projection.JpaProjectionErrors;
import org.orderflow.persistence.snapshot.JpaSnapshotStore;
import org.orderflow.persistence.support.TestDatabase;

/**
 * A projector split into segments, as several servers run it: each segment applies its own streams
 * under its own lock and checkpoint, segments run at the same time, and together they build what a
 * full replay builds.
 */
class SegmentedProjectionTest {

    private static final CommandContext CONTEXT = CommandContext.of("segments-test");
    private static final int SEGMENTS = 3;

    private TestDatabase db;
    private final List<UUID> orders = new ArrayList<>();

    @BeforeEach
    void twentyOrdersOfThreeEvents() {
        db = TestDatabase.create();
        for (int i = 0; i < 20; i++) {
            UUID id = UUID.randomUUID();
            orders.add(id);
            db.run(em -> orders(em).create(CONTEXT, id, Order.create(new OrderId(id), "customer", null, null)));
            for (int line = 0; line < 2; line++) {
                db.run(em -> {
                    var order = orders(em).load(CONTEXT, id);
                    orders(em).append(CONTEXT, order, order.aggregate().addItem(new LineId(UUID.randomUUID()), "item", null, 1, 100));
                });
            }
        }
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void each_segment_applies_only_its_own_streams_and_moves_its_own_checkpoint() {
        // given the details projector split in three
        Segment first = segments().of(OrderDetailsProjector.NAME).get(0);

        // when only the first segment runs to the head of the log
        int read = db.inTransaction(em -> batches(em, "server-a").runBatch(projector(em), first, 1_000, Duration.ZERO).eventsRead());

        // then it read the whole log but wrote only the rows of its streams, and only its checkpoint moved
        assertThat(read).isEqualTo(60);
        List<UUID> own = orders.stream().filter(id -> first.contains(stream(id))).toList();
        assertThat(own).isNotEmpty().hasSizeLessThan(orders.size());
        assertThat(rowCount()).isEqualTo(own.size());
        ProjectionStatus.State state = db.inTransaction(em -> status(em).all().get(0));
        assertThat(state.segments()).extracting(ProjectionStatus.SegmentState::key)
                .containsExactly("order-details#0/3", "order-details#1/3", "order-details#2/3");
        assertThat(state.segments().get(0).lagEvents()).isZero();
        assertThat(state.segments().get(0).owner()).isEqualTo("server-a");
        assertThat(state.segments().get(1).lagEvents()).isEqualTo(60);
        assertThat(state.lagEvents()).as("the projector is as far as its slowest segment").isEqualTo(60);
        assertThat(state.checkpoint()).isEqualTo(Checkpoint.START);
    }

    @Test
    void segments_run_at_the_same_time_and_together_build_what_a_replay_builds() throws Exception {
        // given the first segment's lock held by a batch of another server that has not committed yet
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> otherServer = CompletableFuture.runAsync(() -> db.run(em -> {
            assertThat(new JpaProjectionCheckpoints(em).lock(segments().of(OrderDetailsProjector.NAME).get(0).key(), Duration.ZERO))
                    .isTrue();
            holding.countDown();
            await(release);
        }));
        await(holding);

        // when this server runs every segment
        List<LiveBatches.BatchResult> results = new ArrayList<>();
        for (Segment segment : segments().of(OrderDetailsProjector.NAME)) {
            results.add(db.inTransaction(em -> batches(em, "server-b").runBatch(projector(em), segment, 1_000, Duration.ZERO)));
        }

        // then the held segment was skipped, the others ran meanwhile
        assertThat(results.get(0).locked()).isFalse();
        assertThat(results.subList(1, SEGMENTS)).allSatisfy(r -> assertThat(r.locked()).isTrue());
        release.countDown();
        otherServer.get(10, TimeUnit.SECONDS);

        // and when the skipped one runs later, the read model equals a full replay of every order
        Segment first = segments().of(OrderDetailsProjector.NAME).get(0);
        db.run(em -> batches(em, "server-a").runBatch(projector(em), first, 1_000, Duration.ZERO));
        assertThat(rowCount()).isEqualTo(orders.size());
        for (UUID id : orders) {
            OrderView replayed = db.inTransaction(em -> new OrderQueries(orders(em)).findAtVersion("default", id, Long.MAX_VALUE)
                    .orElseThrow());
            OrderView projected = db.inTransaction(em -> new JpaOrderReadModel(em).details("default", id).orElseThrow());
            assertThat(projected).isEqualTo(replayed);
        }
        long lag = db.inTransaction(em -> status(em).all().get(0).lagEvents());
        assertThat(lag).isZero();
    }

    @Test
    void a_projector_split_anew_goes_on_from_where_it_stood() {
        // given the unsplit projector at the head of the log
        db.run(em -> {
            LiveBatches unsplit = new LiveBatches(store(em), new JpaProjectionCheckpoints(em), new JpaProjectionErrors(em),
                    RetrySchedule.DEFAULT, Clock.systemUTC());
            unsplit.runBatch(projector(em), 1_000);
        });
        Checkpoint head = db.inTransaction(em -> new JpaProjectionCheckpoints(em).checkpoint(OrderDetailsProjector.NAME));

        // when it is split in three
        db.run(em -> batches(em, "server-a").initializeSegments(projector(em)));

        // then every segment starts at the projector's checkpoint: nothing to do
        for (Segment segment : segments().of(OrderDetailsProjector.NAME)) {
            Checkpoint start = db.inTransaction(em -> new JpaProjectionCheckpoints(em).checkpoint(segment.key()));
            int read = db.inTransaction(em -> batches(em, "server-a").runBatch(projector(em), segment, 1_000, Duration.ZERO)
                    .eventsRead());
            assertThat(start).isEqualTo(head);
            assertThat(read).isZero();
        }
    }

    private static ProjectionSegments segments() {
        return new ProjectionSegments(name -> SEGMENTS);
    }

    private static StreamId stream(UUID order) {
        return new StreamId("default", Orders.STREAM_TYPE, order.toString());
    }

    private long rowCount() {
        return db.inTransaction(em -> ((Number) em.createNativeQuery("SELECT count(*) FROM order_details").getSingleResult())
                .longValue());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JpaEventStore store(EntityManager em) {
        return new JpaEventStore(em, Clock.systemUTC(), new EventSerializer());
    }

    private static Orders orders(EntityManager em) {
        return new Orders(store(em), new JpaSnapshotStore(em, Clock.systemUTC()), SnapshotPolicy.NEVER);
    }

    private static Projector projector(EntityManager em) {
        return new OrderDetailsProjector(em);
    }

    private static LiveBatches batches(EntityManager em, String server) {
        return new LiveBatches(store(em), new JpaProjectionCheckpoints(em, new Node(server)), new JpaProjectionErrors(em),
                RetrySchedule.DEFAULT, Clock.systemUTC(), Tracing.NONE, segments());
    }

    private static ProjectionStatus status(EntityManager em) {
        return new ProjectionStatus(new JpaProjectionCheckpoints(em), new Projectors(List.of(projector(em))),
                new JpaProjectionErrors(em), segments());
    }
}
