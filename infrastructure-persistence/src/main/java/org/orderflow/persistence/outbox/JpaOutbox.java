package org.orderflow.persistence.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.orderflow.application.published.PublishedContract;
import org.orderflow.application.published.PublishedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.orderflow.application.cluster.Node;
import org.orderflow.application.eventstore.Checkpoint;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.application.outbox.FailureStreak;
import org.orderflow.application.outbox.IntegrationEvent;
import org.orderflow.application.outbox.Outbox;
import org.orderflow.application.outbox.OutboxRecord;
import org.orderflow.persistence.AdvisoryLocks;
import org.orderflow.persistence.SqlValues;

/**
 * {@link Outbox} over the events table. Pending events come from the event store's gap-safe
 * global reader (only transactions that can no longer be preceded), read through the current
 * upcasters and mapped to their published contract ({@link PublishedContract}); the cursor lives
 * in {@code outbox_publishers}.
 */
@ApplicationScoped
public class JpaOutbox implements Outbox {

    /** Records as JSON objects, component names as field names, nulls written (the contract's shape). */
    private static final ObjectMapper PUBLISHED_JSON = new ObjectMapper();

    private EntityManager em;
    private EventStore events;
    private Node node;

    protected JpaOutbox() {
        // for CDI proxies
    }

    public JpaOutbox(EntityManager em, EventStore events) {
        this(em, events, Node.ofThisProcess());
    }

    @Inject
    public JpaOutbox(EntityManager em, EventStore events, Node node) {
        this.em = em;
        this.events = events;
        this.node = node;
    }

    @Override
    public boolean tryLock(String publisher) {
        return AdvisoryLocks.tryTransactionLock(em, "outbox:" + publisher);
    }

    @Override
    public List<OutboxRecord> pending(String publisher, int max) {
        return events.readAll(cursor(publisher), max).stream()
                .map(event -> new OutboxRecord(event.checkpoint(), toMessage(event)))
                .toList();
    }

    /** The stored event in its published form: the explicit contract of {@link PublishedContract}, as JSON. */
    IntegrationEvent toMessage(RecordedEvent event) {
        PublishedEvent published = PublishedContract.of(event.event());
        return new IntegrationEvent(event.eventId(), published.type(), published.version(),
                event.stream().tenantId(), event.stream().type(), event.stream().id(), event.streamVersion(),
                event.position(), event.recordedAt(), event.metadata().correlationId(), event.metadata().causationId(),
                json(published), event.metadata().traceId());
    }

    static String json(PublishedEvent published) {
        try {
            return PUBLISHED_JSON.writeValueAsString(published);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the published form of " + published.type(), e);
        }
    }

    @Override
    public void markPublished(String publisher, Checkpoint upTo, int count, Instant at) {
        em.createNativeQuery("""
                        INSERT INTO outbox_publishers (publisher, transaction_id, position, published_count, last_published_at, owner)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (publisher) DO UPDATE SET transaction_id = EXCLUDED.transaction_id,
                            position = EXCLUDED.position,
                            published_count = outbox_publishers.published_count + EXCLUDED.published_count,
                            last_published_at = EXCLUDED.last_published_at, owner = EXCLUDED.owner,
                            failures = 0, retry_at = NULL""")
                .setParameter(1, publisher)
                .setParameter(2, upTo.transactionId())
                .setParameter(3, upTo.position())
                .setParameter(4, (long) count)
                .setParameter(5, at)
                .setParameter(6, node.name())
                .executeUpdate();
    }

    @Override
    public Optional<FailureStreak> failureStreak(String publisher) {
        return row(publisher).flatMap(JpaOutbox::streak);
    }

    @Override
    public void recordFailure(String publisher, FailureStreak streak) {
        em.createNativeQuery("""
                        INSERT INTO outbox_publishers (publisher, transaction_id, position, published_count,
                                                       failures, last_failed_at, last_error, retry_at)
                        VALUES (?1, ?2, ?3, 0, ?4, ?5, ?6, ?7)
                        ON CONFLICT (publisher) DO UPDATE SET failures = EXCLUDED.failures,
                            last_failed_at = EXCLUDED.last_failed_at, last_error = EXCLUDED.last_error,
                            retry_at = EXCLUDED.retry_at""")
                .setParameter(1, publisher)
                .setParameter(2, Checkpoint.START.transactionId())
                .setParameter(3, Checkpoint.START.position())
                .setParameter(4, streak.failures())
                .setParameter(5, streak.lastFailureAt())
                .setParameter(6, streak.lastError())
                .setParameter(7, streak.retryAt())
                .executeUpdate();
    }

    @Override
    public Status status(String publisher) {
        Optional<Object[]> row = row(publisher);
        Checkpoint at = row.map(JpaOutbox::checkpoint).orElse(Checkpoint.START);
        long published = row.map(r -> ((Number) r[2]).longValue()).orElse(0L);
        Optional<Instant> lastPublishedAt = row.map(r -> SqlValues.instant(r[3]));
        Object[] backlog = (Object[]) em.createNativeQuery("""
                        SELECT count(*), COALESCE(EXTRACT(EPOCH FROM (now() - min(recorded_at))) * 1000, 0)
                          FROM events
                         WHERE (transaction_id, position) > (CAST(CAST(?1 AS text) AS xid8), ?2)""")
                .setParameter(1, at.transactionId())
                .setParameter(2, at.position())
                .getSingleResult();
        long pending = ((Number) backlog[0]).longValue();
        Duration oldest = Duration.ofMillis(pending == 0 ? 0 : Math.max(0, ((Number) backlog[1]).longValue()));
        return new Status(publisher, at, published, lastPublishedAt, pending, oldest, row.flatMap(JpaOutbox::streak));
    }

    private Checkpoint cursor(String publisher) {
        return row(publisher).map(JpaOutbox::checkpoint).orElse(Checkpoint.START);
    }

    /**
     * The publisher's row: transaction id, position, published count, last published at; failures, last failed at,
     * last error, retry at.
     */
    @SuppressWarnings("unchecked")
    private Optional<Object[]> row(String publisher) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT transaction_id, position, published_count, last_published_at,
                               failures, last_failed_at, last_error, retry_at
                          FROM outbox_publishers WHERE publisher = ?1""")
                .setParameter(1, publisher)
                .getResultList();
        return rows.stream().findFirst();
    }

    private static Optional<FailureStreak> streak(Object[] row) {
        int failures = ((Number) row[4]).intValue();
        return failures == 0 ? Optional.empty() : Optional.of(new FailureStreak(failures, SqlValues.instant(row[5]),
                (String) row[6], SqlValues.instant(row[7])));
    }

    private static Checkpoint checkpoint(Object[] row) {
        return new Checkpoint(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
}
