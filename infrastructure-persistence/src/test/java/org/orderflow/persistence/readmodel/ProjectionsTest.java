package org.orderflow.persistence.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderflow.application.command.CommandContext;
import org.orderflow.application.eventstore.Checkpoint;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.application.order.OrderQueries;
import org.orderflow.application.order.OrderView;
import org.orderflow.application.order.Orders;
import org.orderflow.application.product.ProductView;
import org.orderflow.application.product.Products;
import org.orderflow.application.projection.LiveBatches;
import org.orderflow.application.projection.ProjectionRebuild;
import org.orderflow.application.projection.RebuildJob;
import org.orderflow.application.projection.Projector;
import org.orderflow.application.projection.RetrySchedule;
import org.orderflow.application.snapshot.SnapshotPolicy;
import org.orderflow.domain.DomainRuleViolation;
import org.orderflow.domain.order.ItemAdded;
import org.orderflow.domain.order.LineId;
import org.orderflow.domain.order.Order;
import org.orderflow.domain.order.OrderId;
import org.orderflow.domain.product.Product;
import org.orderflow.domain.product.ProductId;
import org.orderflow.persistence.eventstore.EventSerializer;
import org.orderflow.persistence.eventstore.JpaEventStore;
import org.orderflow.persistence.projection.JpaProjectionCheckpoints;
import org.orderflow.persistence.projection.JpaProjectionErrors;
import org.orderflow.persistence.snapshot.JpaSnapshotStore;
import org.orderflow.persistence.support.TestDatabase;
import org.orderflow.persistence.support.TestRebuilds;

/** The projectors and their live and rebuild steps against real PostgreSQL: read models equal what a full replay produces. */
class ProjectionsTest {

    private static TestDatabase db;
    private static final List<UUID> ORDERS = new ArrayList<>();
    private static final List<UUID> PRODUCTS = new ArrayList<>();
    private static final CommandContext CONTEXT = CommandContext.of("projections-test");

    @BeforeAll
    static void writeARandomMixOfCommands() {
        db = TestDatabase.create();
        Random random = new Random(42);
        for (int p = 0; p < 5; p++) {
            UUID id = UUID.randomUUID();
            PRODUCTS.add(id);
            db.run(em -> products(em).create(CONTEXT, id, Product.create(new ProductId(id), "product " + id, 100 + random.nextInt(900), "cat")));
        }
        for (int o = 0; o < 25; o++) {
            UUID id = UUID.randomUUID();
            ORDERS.add(id);
            db.run(em -> orders(em).create(CONTEXT, id, Order.create(new OrderId(id), "customer " + random.nextInt(5),
                    "c-" + random.nextInt(3), null)));
        }
        for (int step = 0; step < 300; step++) {
            int command = random.nextInt(8);
            UUID order = ORDERS.get(random.nextInt(ORDERS.size()));
            UUID product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
            long seed = random.nextLong();
            try {
                db.run(em -> decide(em, command, order, product, new Random(seed)));
            } catch (DomainRuleViolation refused) {
                // refused commands store nothing; the mix goes on
            }
        }
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static void decide(EntityManager em, int command, UUID orderId, UUID productId, Random random) {
        if (command == 7) {
            var product = products(em).load(CONTEXT, productId);
            products(em).append(CONTEXT, product, random.nextInt(5) == 0 ? product.aggregate().delete()
                    : product.aggregate().updatePrice(1 + random.nextInt(1000)));
            return;
        }
        Orders orders = orders(em);
        var order = orders.load(CONTEXT, orderId);
        Order state = order.aggregate();
        orders.append(CONTEXT, order, switch (command) {
            case 0, 1, 2 -> state.addItem(new LineId(UUID.randomUUID()), "item", random.nextBoolean() ? productId : null,
                    1 + random.nextInt(4), random.nextInt(5000));
            case 3 -> state.lines().isEmpty() ? List.of() : state.removeItem(state.lines().get(0).lineId());
            case 4 -> state.reserveInventory("R-" + random.nextInt(99));
            case 5 -> state.processPayment("P-" + random.nextInt(99), state.totalCents());
            default -> random.nextBoolean() ? state.confirm() : state.cancel("reason " + random.nextInt(9));
        });
    }

    private static EventStore store(EntityManager em) {
        return new JpaEventStore(em, Clock.systemUTC(), new EventSerializer());
    }

    private static Orders orders(EntityManager em) {
        return new Orders(store(em), new JpaSnapshotStore(em, Clock.systemUTC()), SnapshotPolicy.NEVER);
    }

    private static Products products(EntityManager em) {
        return new Products(store(em), new JpaSnapshotStore(em, Clock.systemUTC()), SnapshotPolicy.NEVER);
    }

    private static List<Projector> projectors(EntityManager em) {
        return List.of(new OrderSummaryProjector(em), new OrderDetailsProjector(em), new ProductCatalogProjector(em));
    }

    private static LiveBatches batches(EntityManager em) {
        return new LiveBatches(store(em), new JpaProjectionCheckpoints(em), new JpaProjectionErrors(em),
                RetrySchedule.DEFAULT, Clock.systemUTC());
    }

    private static Projector projector(EntityManager em, String name) {
        return projectors(em).stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** Runs every projector to the head of the log, one transaction per batch of 7 events. */
    private static long catchUp() {
        long total = 0;
        for (int index = 0; index < 3; index++) {
            int projector = index;
            while (true) {
                int read = db.inTransaction(em -> {
                    List<Projector> all = projectors(em);
                    return batches(em).runBatch(all.get(projector), 7).eventsRead();
                });
                total += read;
                if (read == 0) {
                    break;
                }
            }
        }
        return total;
    }

    private static String dump(String table) throws SQLException {
        return db.dump(table);
    }


    @Test
    void read_models_equal_what_a_full_replay_produces() {
        catchUp();

        for (UUID id : ORDERS) {
            OrderView replayed = db.inTransaction(em -> new OrderQueries(orders(em)).findAtVersion("default", id,
                    Long.MAX_VALUE).orElseThrow());
            OrderView projected = db.inTransaction(em -> new JpaOrderReadModel(em).details("default", id).orElseThrow());
            assertThat(projected).isEqualTo(replayed);
            var summary = db.inTransaction(em -> new JpaOrderReadModel(em).summaries("default", null, null, 0, 100))
                    .stream().filter(s -> s.orderId().equals(id.toString())).findFirst().orElseThrow();
            assertThat(summary.status()).isEqualTo(replayed.status().name());
            assertThat(summary.totalCents()).isEqualTo(replayed.totalCents());
            assertThat(summary.itemCount()).isEqualTo(replayed.itemCount());
            assertThat(summary.version()).isEqualTo(replayed.version());
        }
        for (UUID id : PRODUCTS) {
            ProductView projected = db.inTransaction(em -> new JpaProductCatalog(em).find("default", id).orElseThrow());
            Product replayed = db.inTransaction(em -> products(em).replayFully("default", id).orElseThrow().aggregate());
            assertThat(projected.priceCents()).isEqualTo(replayed.priceCents());
            assertThat(projected.deleted()).isEqualTo(replayed.deleted());
            assertThat(projected.sku()).isEqualTo(replayed.sku());
        }
    }

    @Test
    void rebuilding_from_the_start_gives_the_same_rows() throws SQLException {
        catchUp();
        String summaries = dump("order_summaries");
        String details = dump("order_details");
        String catalog = dump("product_catalog");

        // the live models drift (as after a projector bug); a rebuild replaces them with a full replay
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE order_summaries SET customer_name = 'drifted'");
        }
        List<String> names = List.of(OrderSummaryProjector.NAME, OrderDetailsProjector.NAME, ProductCatalogProjector.NAME);
        ProjectionRebuild rebuild = TestRebuilds.rebuild(db, names, ProjectionsTest::projector);
        long replayed = 0;
        for (String name : names) {
            RebuildJob job = rebuild.start(db.inTransaction(em -> projector(em, name)));
            RebuildJob done = rebuild.run(job.id(), 7, progress -> { });
            assertThat(done.state()).isEqualTo(RebuildJob.State.DONE);
            replayed += done.eventsDone();
        }

        assertThat(replayed).isGreaterThan(0);
        assertThat(dump("order_summaries")).isEqualTo(summaries);
        assertThat(dump("order_details")).isEqualTo(details);
        assertThat(dump("product_catalog")).isEqualTo(catalog);
    }

    @Test
    void a_batch_writes_each_row_once_with_its_final_state_one_insert_per_new_stream_and_no_update() {
        // given three new orders of four lines each, and one of them with a line removed, in one batch's reach
        try (TestDatabase own = TestDatabase.create()) {
            List<UUID> orders = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            for (UUID id : orders) {
                own.run(em -> orders(em).create(CONTEXT, id, Order.create(new OrderId(id), "batch customer", null, null)));
                for (int line = 0; line < 4; line++) {
                    int quantity = line + 1;
                    own.run(em -> {
                        var order = orders(em).load(CONTEXT, id);
                        orders(em).append(CONTEXT, order, order.aggregate().addItem(new LineId(UUID.randomUUID()),
                                "item", null, quantity, 250));
                    });
                }
            }
            own.run(em -> {
                var order = orders(em).load(CONTEXT, orders.get(0));
                orders(em).append(CONTEXT, order, order.aggregate().removeItem(order.aggregate().lines().get(0).lineId()));
            });

            // when the details and summaries projectors each run one batch over all of it
            long[] written = own.inTransaction(em -> {
                batches(em).runBatch(projector(em, OrderDetailsProjector.NAME), 100);
                batches(em).runBatch(projector(em, OrderSummaryProjector.NAME), 100);
                Object[] counts = (Object[]) em.createNativeQuery("""
                        SELECT pg_stat_get_xact_tuples_inserted('order_details'::regclass)
                             + pg_stat_get_xact_tuples_inserted('order_summaries'::regclass),
                               pg_stat_get_xact_tuples_updated('order_details'::regclass)
                             + pg_stat_get_xact_tuples_updated('order_summaries'::regclass)""").getSingleResult();
                return new long[] {((Number) counts[0]).longValue(), ((Number) counts[1]).longValue()};
            });

            // then each stream's row was inserted once, already in its final state, and never updated
            assertThat(written[0]).as("rows inserted").isEqualTo(6);
            assertThat(written[1]).as("rows updated").isZero();
            for (UUID id : orders) {
                OrderView replayed = own.inTransaction(em -> new OrderQueries(orders(em)).findAtVersion("default", id,
                        Long.MAX_VALUE).orElseThrow());
                OrderView projected = own.inTransaction(em -> new JpaOrderReadModel(em).details("default", id).orElseThrow());
                assertThat(projected).isEqualTo(replayed);
            }
        }
    }

    @Test
    void a_batch_of_one_projector_instance_is_not_disturbed_by_another_run_of_it_on_another_thread() throws Exception {
        // given a new order's two events, and the projector in the middle of a rebuild batch over them
        try (TestDatabase own = TestDatabase.create()) {
            UUID id = UUID.randomUUID();
            own.run(em -> orders(em).create(CONTEXT, id, Order.create(new OrderId(id), "shared", null, null)));
            own.run(em -> {
                var order = orders(em).load(CONTEXT, id);
                orders(em).append(CONTEXT, order, order.aggregate().addItem(new LineId(UUID.randomUUID()), "item", null, 2, 300));
            });
            List<RecordedEvent> events = own.inTransaction(em -> store(em).readAll(Checkpoint.START, 10));
            assertThat(events).hasSize(2);

            OrderSummaryRow row = own.inTransaction(em -> {
                OrderSummaryProjector projector = new OrderSummaryProjector(em);
                projector.prepareNewModel(events);
                try {
                    projector.apply(events.get(0));

                    // when the same instance runs a batch of its own on another thread meanwhile (the live run)
                    Thread other = new Thread(() -> {
                        projector.prepare(List.of());
                        projector.batchApplied();
                        projector.batchDone();
                    });
                    other.start();
                    try {
                        other.join();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }

                    projector.apply(events.get(1));
                    projector.batchApplied();
                } finally {
                    projector.batchDone();
                }
                em.flush();
                return em.find(OrderSummaryRow.class, new TenantKey(events.get(0).stream().tenantId(), id));
            });

            // then this batch still had its own new row and wrote it with both events applied
            assertThat(row).isNotNull();
            assertThat(row.version()).isEqualTo(2);
            assertThat(row.itemCount).isEqualTo(2);
        }
    }

    @Test
    void a_failing_handler_rolls_back_the_batch_rows_and_checkpoint_together() {
        catchUp();
        Projector failing = new Projector() {
            {
                on(ItemAdded.class, (event, envelope) -> {
                    throw new IllegalStateException("boom");
                });
            }

            @Override
            public String name() {
                return "failing-test-projector";
            }

            @Override
            public void reset() {
            }

            @Override
            public void reset(String tenantId, String streamId) {
            }
        };

        assertThatThrownBy(() -> db.run(em -> batches(em).runBatch(failing, 100)))
                .hasMessageContaining("boom");

        Checkpoint after = db.inTransaction(em -> new JpaProjectionCheckpoints(em).checkpoint("failing-test-projector"));
        assertThat(after).isEqualTo(Checkpoint.START);
    }

    private static boolean passed(long position) {
        return db.inTransaction(em -> new JpaProjectionCheckpoints(em).hasPassed(OrderSummaryProjector.NAME, position));
    }

    @Test
    void a_caught_up_projector_has_passed_the_head_and_has_no_lag_until_a_new_event() {
        catchUp();
        long head = db.inTransaction(em -> store(em).readAll(Checkpoint.START, 100_000)).stream()
                .mapToLong(e -> e.position()).max().orElseThrow();

        assertThat(passed(head)).isTrue();
        assertThat(db.inTransaction(em -> new JpaProjectionCheckpoints(em).lag(OrderSummaryProjector.NAME)).events())
                .isZero();

        UUID id = UUID.randomUUID();
        long position = db.inTransaction(em -> orders(em).create(CONTEXT, id,
                Order.create(new OrderId(id), "late", null, null))).lastPosition();

        assertThat(passed(position)).isFalse();
        assertThat(db.inTransaction(em -> new JpaProjectionCheckpoints(em).lag(OrderSummaryProjector.NAME)).events())
                .isEqualTo(1);
        catchUp();
        assertThat(passed(position)).isTrue();
        ORDERS.add(id);
    }

    @Test
    void a_projector_locked_by_another_transaction_is_skipped_not_run_twice() {
        EntityManager holder = db.emf().createEntityManager();
        try {
            holder.getTransaction().begin();
            assertThat(new JpaProjectionCheckpoints(holder).lock(OrderSummaryProjector.NAME, Duration.ZERO)).isTrue();

            LiveBatches.BatchResult result = db.inTransaction(em -> {
                List<Projector> all = projectors(em);
                return batches(em).runBatch(all.get(0), 10);
            });

            assertThat(result.locked()).isFalse();
        } finally {
            TestDatabase.release(holder);
        }
    }

    @Test
    void a_bounded_wait_for_a_held_projector_gives_up_in_time_and_leaves_the_transaction_usable() {
        EntityManager holder = db.emf().createEntityManager();
        try {
            holder.getTransaction().begin();
            assertThat(new JpaProjectionCheckpoints(holder).lock(OrderSummaryProjector.NAME, Duration.ZERO)).isTrue();

            long started = System.nanoTime();
            Object[] outcome = db.inTransaction(em -> {
                boolean locked = new JpaProjectionCheckpoints(em).lock(OrderSummaryProjector.NAME, Duration.ofMillis(300));
                // the timed-out wait must not have aborted this transaction
                Object stillUsable = em.createNativeQuery("SELECT 42").getSingleResult();
                return new Object[] {locked, stillUsable, em.createNativeQuery("SELECT current_setting('lock_timeout')")
                        .getSingleResult()};
            });
            long waitedMs = (System.nanoTime() - started) / 1_000_000;

            assertThat(outcome[0]).isEqualTo(false);
            assertThat(((Number) outcome[1]).intValue()).isEqualTo(42);
            assertThat(outcome[2]).as("the lock timeout is not left behind").isEqualTo("0");
            assertThat(waitedMs).isGreaterThanOrEqualTo(250);
        } finally {
            TestDatabase.release(holder);
        }
    }

    @Test
    void a_bounded_wait_takes_the_projector_once_its_holder_ends() throws Exception {
        EntityManager holder = db.emf().createEntityManager();
        holder.getTransaction().begin();
        assertThat(new JpaProjectionCheckpoints(holder).lock(OrderSummaryProjector.NAME, Duration.ZERO)).isTrue();
        Thread committer = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            TestDatabase.release(holder);
        });
        committer.start();

        boolean locked = db.inTransaction(em -> new JpaProjectionCheckpoints(em).lock(OrderSummaryProjector.NAME,
                Duration.ofSeconds(5)));

        committer.join();
        assertThat(locked).isTrue();
    }
}
