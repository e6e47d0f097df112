package org.orderflow.persistence.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.orderflow.application.consumer.Inbox;
import org.orderflow.application.outbox.IntegrationEvent;

/**
 * {@link Inbox} in {@code consumer_inbox}. A claim is an {@code INSERT … ON CONFLICT DO NOTHING}
 * on the (consumer, event id) key: the unique index makes a concurrent second claim wait for the
 * first transaction and then see its row, so exactly one of them gets to perform the effect.
 */
@ApplicationScoped
public class JpaInbox implements Inbox {

    private EntityManager em;

    protected JpaInbox() {
        // for CDI proxies
    }

    @Inject
    public JpaInbox(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean claim(String consumer, IntegrationEvent event, Instant at) {
        int inserted = em.createNativeQuery("""
                        INSERT INTO consumer_inbox (consumer, event_id, event_type, stream_id, outcome, processed_at)
                        VALUES (?1, ?2, ?3, ?4, 'processing', ?5)
                        ON CONFLICT (consumer, event_id) DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, event.eventId())
                .setParameter(3, event.eventType())
                .setParameter(4, event.streamId())
                .setParameter(5, at)
                .executeUpdate();
        return inserted == 1;
    }

    @Override
    public void recordOutcome(String consumer, IntegrationEvent event, String outcome) {
        em.createNativeQuery("UPDATE consumer_inbox SET outcome = ?3 WHERE consumer = ?1 AND event_id = ?2")
                .setParameter(1, consumer)
                .setParameter(2, event.eventId())
                .setParameter(3, outcome == null ? "done" : outcome)
                .executeUpdate();
    }

    @Override
    public int purgeProcessedBefore(Instant cutoff) {
        return em.createNativeQuery("DELETE FROM consumer_inbox WHERE processed_at < ?1")
                .setParameter(1, cutoff)
                .executeUpdate();
    }

    @Override
    public long processedCount(String consumer) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM consumer_inbox WHERE consumer = ?1")
                .setParameter(1, consumer)
                .getSingleResult()).longValue();
    }
}
