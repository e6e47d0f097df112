package org.orderflow.it.bench;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.orderflow.application.eventstore.EventMetadata;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.application.eventstore.ExpectedVersion;
import org.orderflow.application.eventstore.NewEvent;
import org.orderflow.application.eventstore.StreamId;
import org.orderflow.application.order.Orders;
import org.orderflow.application.snapshot.SnapshotPolicy;
import org.orderflow.application.snapshot.SnapshotStore;
import org.orderflow.domain.order.ItemAdded;
import org.orderflow.domain.order.ItemRemoved;
import org.orderflow.domain.order.OrderCreated;
import org.orderflow.domain.order.OrderEvent;
import org.orderflow.domain.order.OrderSnapshot;
import org.orderflow.persistence.eventstore.EventSerializer;
import org.orderflow.persistence.eventstore.JpaEventStore;
import org.orderflow.persistence.snapshot.JpaSnapshotStore;
import org.orderflow.persistence.support.TestDatabase;

/**
 * Benchmark, not a test: the load time of an order (one transaction, as a command does it) with
 * 10 events, with 10,000 events and a snapshot at the head, and with 10,000 events replayed in
 * full, each against the 10-event load measured in the same run (median of 300 loads after 50
 * warm-up loads);
 * part of the benchmark run ({@link BenchReport#RERUN}).
 */
class AggregateLoadBenchmark {

    private static final int WARMUP = 50;
    private static final int RUNS = 300;

    @Test
    void load_time_with_and_without_snapshots() {
        try (TestDatabase db = TestDatabase.create()) {
            BenchReport.progress("aggregate load: writing orders of 10, 1,000 and 10,000 events ...");
            UUID small = writeOrder(db, 10);
            UUID medium = writeOrder(db, 1_000);
            UUID large = writeOrder(db, 10_000);
            db.run(em -> {
                Orders orders = orders(em);
                var loaded = orders.replayFully("default", large).orElseThrow();
                new JpaSnapshotStore(em, Clock.systemUTC()).save(loaded.stream(), OrderSnapshot.SCHEMA_VERSION,
                        new SnapshotStore.Snapshot<>(loaded.aggregate().snapshot(), loaded.version(), loaded.lastPosition()));
            });

            double[] tenEvents = measure(db, "10 events", em -> orders(em).find("default", small).orElseThrow().version());
            double[] thousand = measure(db, "1,000 events, no snapshot",
                    em -> orders(em).find("default", medium).orElseThrow().version());
            double[] withSnapshot = measure(db, "10,000 events, snapshot at head",
                    em -> orders(em).find("default", large).orElseThrow().version());
            double[] fullReplay = measure(db, "10,000 events, full replay",
                    em -> orders(em).replayFully("default", large).orElseThrow().version());

            BenchReport.record("aggregate-load", "10 events (median)", median(tenEvents), "ms", "one transaction, as a command loads");
            BenchReport.compare("aggregate-load", "1,000 events, no snapshot (median)", median(thousand), "ms",
                    "10 events (median)", null, "cost ratio: lower is better");
            BenchReport.compare("aggregate-load", "10,000 events + snapshot (median)", median(withSnapshot), "ms",
                    "10 events (median)", "<= 1.5x", "cost ratio: lower is better");
            BenchReport.compare("aggregate-load", "10,000 events, full replay (median)", median(fullReplay), "ms",
                    "10 events (median)", null, "cost ratio: lower is better");
        }
    }

    private static Orders orders(EntityManager em) {
        EventStore store = new JpaEventStore(em, Clock.systemUTC(), new EventSerializer());
        return new Orders(store, new JpaSnapshotStore(em, Clock.systemUTC()), SnapshotPolicy.NEVER);
    }

    /** An order whose history alternates adding and removing an item, so its state stays small. */
    private static UUID writeOrder(TestDatabase db, int events) {
        UUID id = UUID.randomUUID();
        StreamId stream = StreamId.of("Order", id.toString());
        List<OrderEvent> history = new ArrayList<>();
        history.add(new OrderCreated(id, "bench", null, null));
        UUID line = null;
        while (history.size() < events) {
            if (line == null) {
                line = UUID.randomUUID();
                history.add(new ItemAdded(id, line, "item", null, 1, 100));
            } else {
                history.add(new ItemRemoved(id, line, "item", 1, 100));
                line = null;
            }
        }
        for (int from = 0; from < history.size(); from += 1_000) {
            List<NewEvent> batch = history.subList(from, Math.min(history.size(), from + 1_000)).stream()
                    .map(e -> new NewEvent(UUID.randomUUID(), e, EventMetadata.EMPTY)).toList();
            db.run(em -> new JpaEventStore(em, Clock.systemUTC(), new EventSerializer())
                    .append(stream, ExpectedVersion.any(), batch));
        }
        return id;
    }

    private static double[] measure(TestDatabase db, String label, Function<EntityManager, Long> load) {
        double[] millis = new double[RUNS];
        for (int i = -WARMUP; i < RUNS; i++) {
            long start = System.nanoTime();
            db.inTransaction(load);
            if (i >= 0) {
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            if (i > 0 && i % 100 == 0) {
                BenchReport.progress("aggregate load %s: %d/%d loads", label, i, RUNS);
            }
        }
        Arrays.sort(millis);
        return millis;
    }

    private static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }
}
