package org.orderflow.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orderflow.application.eventstore.EventMetadata;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.application.eventstore.ExpectedVersion;
import org.orderflow.application.eventstore.NewEvent;
import org.orderflow.application.eventstore.StreamId;
import org.orderflow.application.outbox.OutboxPublisher;
import org.orderflow.application.outbox.OutboxRelay;
import org.orderflow.domain.order.ItemAdded;
import org.orderflow.domain.order.OrderCreated;
import org.orderflow.it.support.Deployments;

/**
 * Inside the deployed WAR: the publisher against the container's own transactions. What a raw
 * subscriber (RecordingListener) receives shows that rolled-back work is never published, that
 * the publisher lock keeps every other publisher out, and that publishers racing each other
 * (and the timer) neither duplicate nor reorder.
 */
@ExtendWith(ArquillianExtension.class)
class OutboxPublishingIT {

    private static final String PUBLISHER = "jms:orderflow.events";
    private static final long WITHIN_MS = 30_000;

    @Deployment
    static WebArchive deployment() {
        return Deployments.orderflowWar().addClasses(OutboxPublishingIT.class, Deployments.class, RecordingListener.class);
    }

    @Inject
    EventStore eventStore;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxPublisher publisher;

    @Inject
    EntityManager em;

    @Inject
    UserTransaction transaction;

    @Resource(lookup = "jdbc/orderflow")
    DataSource dataSource;

    @Test
    void a_rolled_back_append_is_never_published() throws Exception {
        UUID rolledBack = UUID.randomUUID();
        UUID committed = UUID.randomUUID();
        transaction.begin();
        eventStore.append(stream(rolledBack), ExpectedVersion.noStream(), List.of(created(rolledBack)));
        transaction.rollback();
        inTransaction(() -> eventStore.append(stream(committed), ExpectedVersion.noStream(), List.of(created(committed))));

        // the later commit's arrival is the signal: the rolled-back append came first in the log
        awaitReceived(committed.toString(), 1);

        assertEquals(List.of(), versionsReceived(rolledBack.toString()));
        assertEquals(0, count("SELECT count(*) FROM consumer_inbox WHERE stream_id = ?", rolledBack.toString()));
    }

    @Test
    void while_one_transaction_holds_the_publisher_lock_no_other_publisher_sends() throws Exception {
        UUID order = UUID.randomUUID();
        transaction.begin();
        try {
            // the timer's publisher holds the lock for one round every 100 ms: take it between two rounds
            Object locked = Boolean.FALSE;
            long deadline = System.currentTimeMillis() + WITHIN_MS;
            while (!Boolean.TRUE.equals(locked) && System.currentTimeMillis() < deadline) {
                locked = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtextextended(?1, 0))")
                        .setParameter(1, "outbox:" + PUBLISHER).getSingleResult();
                if (!Boolean.TRUE.equals(locked)) {
                    Thread.sleep(5);
                }
            }
            assertEquals(Boolean.TRUE, locked, "the lock became free between two rounds of the timer");
            Thread other = new Thread(() -> {
                try {
                    inTransaction(() -> eventStore.append(stream(order), ExpectedVersion.noStream(), List.of(created(order))));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            other.start();
            other.join();
            assertEquals(false, relay.publishNext(PUBLISHER, 100).locked(), "a second publisher is kept out");
            // what the timer runs, run now (no waiting for firings): kept out as well
            Thread timerRound = new Thread(() -> publisher.publishAvailable());
            timerRound.start();
            timerRound.join();
            assertEquals(List.of(), versionsReceived(order.toString()), "the timer's publisher was kept out too");
        } finally {
            transaction.commit();
        }
        assertEquals(List.of(1L), awaitReceived(order.toString(), 1));
    }

    @Test
    void racing_publishers_neither_duplicate_nor_reorder_a_stream() throws Exception {
        int streams = 8;
        int eventsPerStream = 25;
        List<UUID> orders = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            orders.add(UUID.randomUUID());
        }
        AtomicInteger notLocked = new AtomicInteger();
        AtomicInteger published = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch writing = new CountDownLatch(1);
        List<Thread> publishers = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            Thread publisher = new Thread(() -> {
                try {
                    boolean more = true;
                    while (writing.getCount() > 0 || more) {
                        OutboxRelay.Round round = relay.publishNext(PUBLISHER, 7);
                        published.addAndGet(round.published());
                        if (!round.locked()) {
                            notLocked.incrementAndGet();
                        }
                        more = !round.locked() || round.read() > 0;
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            publishers.add(publisher);
            publisher.start();
        }
        for (int v = 1; v <= eventsPerStream; v++) {
            for (UUID order : orders) {
                long version = v;
                inTransaction(() -> eventStore.append(stream(order), ExpectedVersion.exactly(version - 1),
                        List.of(version == 1 ? created(order) : item(order))));
            }
        }
        writing.countDown();
        for (Thread publisher : publishers) {
            publisher.join(WITHIN_MS);
        }
        assertEquals(null, failure.get());

        List<Long> expected = new ArrayList<>();
        for (long v = 1; v <= eventsPerStream; v++) {
            expected.add(v);
        }
        for (UUID order : orders) {
            assertEquals(expected, awaitReceived(order.toString(), eventsPerStream), "stream " + order + " once, in order");
        }
        // a sentinel appended after everything: once it arrives, a late duplicate would have too
        UUID sentinel = UUID.randomUUID();
        inTransaction(() -> eventStore.append(stream(sentinel), ExpectedVersion.noStream(), List.of(created(sentinel))));
        assertEquals(List.of(1L), awaitReceived(sentinel.toString(), 1), "the sentinel");
        for (UUID order : orders) {
            assertEquals(eventsPerStream, versionsReceived(order.toString()).size(), "no duplicate arrived later");
        }
        System.out.printf("racing publishers: %d rounds found the lock taken, %d events published by the test's threads%n",
                notLocked.get(), published.get());
    }

    private List<Long> awaitReceived(String streamId, int count) throws Exception {
        long deadline = System.currentTimeMillis() + WITHIN_MS;
        List<Long> versions = versionsReceived(streamId);
        while (versions.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            versions = versionsReceived(streamId);
        }
        if (versions.size() < count) {
            throw new AssertionError(count + " events of " + streamId + " did not arrive within " + WITHIN_MS + " ms; got " + versions);
        }
        return versions;
    }

    private List<Long> versionsReceived(String streamId) throws SQLException {
        List<Long> versions = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT stream_version FROM it_received WHERE stream_id = ? ORDER BY seq")) {
            s.setString(1, streamId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    versions.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return versions;
            }
            throw e;
        }
        return versions;
    }

    private long count(String sql, String value) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

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

    private static StreamId stream(UUID order) {
        return StreamId.of("Order", order.toString());
    }

    private static NewEvent created(UUID order) {
        return new NewEvent(UUID.randomUUID(), new OrderCreated(order, "outbox-it", null, null), EventMetadata.EMPTY);
    }

    private static NewEvent item(UUID order) {
        return new NewEvent(UUID.randomUUID(), new ItemAdded(order, UUID.randomUUID(), "tea", null, 1, 100), EventMetadata.EMPTY);
    }
}
