package org.orderflow.it.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orderflow.application.eventstore.Checkpoint;
import org.orderflow.application.eventstore.ConcurrencyConflict;
import org.orderflow.application.eventstore.EventMetadata;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.application.eventstore.ExpectedVersion;
import org.orderflow.application.eventstore.NewEvent;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.application.eventstore.StreamId;
import org.orderflow.domain.order.ItemAdded;
import org.orderflow.domain.order.OrderCreated;
import org.orderflow.it.support.Deployments;

/**
 * Runs inside the deployed WAR on Liberty: the container's JTA transactions, its Hibernate
 * persistence unit and its PostgreSQL data source, through the {@link EventStore} port.
 */
@ExtendWith(ArquillianExtension.class)
class EventStoreIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.orderflowWar().addClasses(EventStoreIT.class, Deployments.class);
    }

    @Inject
    EventStore eventStore;

    @Inject
    UserTransaction transaction;

    private <T> T inTransaction(Callable<T> work) throws Exception {
        transaction.begin();
        try {
            T result = work.call();
            transaction.commit();
            return result;
        } catch (Exception e) {
            transaction.rollback();
            throw e;
        }
    }

    @Test
    void appends_in_a_jta_transaction_and_reads_back_by_stream_and_from_the_global_log() throws Exception {
        UUID order = UUID.randomUUID();
        StreamId stream = StreamId.of("Order", order.toString());
        EventMetadata metadata = new EventMetadata("corr-it", null, "it", "arquillian", null);

        inTransaction(() -> eventStore.append(stream, ExpectedVersion.noStream(), List.of(
                new NewEvent(UUID.randomUUID(), new OrderCreated(order, "山田太郎", null, null), metadata),
                new NewEvent(UUID.randomUUID(), new ItemAdded(order, UUID.randomUUID(), "ノートPC", null, 1, 120_000),
                        metadata))));

        List<RecordedEvent> loaded = inTransaction(() -> eventStore.load(stream));
        assertEquals(2, loaded.size());
        assertInstanceOf(OrderCreated.class, loaded.get(0).event());
        assertEquals("corr-it", loaded.get(1).metadata().correlationId());
        assertEquals(2L, inTransaction(() -> eventStore.currentVersion(stream)));

        // The global log, read from just before our transaction, yields both events in order —
        // as soon as no transaction that started before ours is still running anywhere in the
        // cluster (the server's timers and consumers run their own), which is the reader's rule.
        Checkpoint justBefore = new Checkpoint(loaded.get(0).transactionId() - 1, Long.MAX_VALUE);
        List<RecordedEvent> global = List.of();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (global.isEmpty() && System.nanoTime() < deadline) {
            global = inTransaction(() -> eventStore.readAll(justBefore, 1000)).stream()
                    .filter(e -> e.stream().equals(stream)).toList();
            if (global.isEmpty()) {
                Thread.sleep(50);
            }
        }
        assertEquals(List.of(1L, 2L), global.stream().map(RecordedEvent::streamVersion).toList());
    }

    @Test
    void a_stale_expected_version_is_a_typed_conflict_and_the_transaction_stores_nothing() throws Exception {
        UUID order = UUID.randomUUID();
        StreamId stream = StreamId.of("Order", order.toString());
        inTransaction(() -> eventStore.append(stream, ExpectedVersion.noStream(), List.of(
                new NewEvent(UUID.randomUUID(), new OrderCreated(order, "customer", null, null), null))));

        ConcurrencyConflict conflict = assertThrows(ConcurrencyConflict.class, () -> inTransaction(() ->
                eventStore.append(stream, ExpectedVersion.exactly(0), List.of(
                        new NewEvent(UUID.randomUUID(), new OrderCreated(order, "again", null, null), null)))));

        assertEquals(1L, conflict.actualVersion().orElseThrow());
        assertTrue(inTransaction(() -> eventStore.load(stream, 1)).isEmpty());
    }
}
