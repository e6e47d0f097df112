package org.orderflow.it.projection;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.application.projection.Projector;
import org.orderflow.domain.order.ItemAdded;
import org.orderflow.domain.order.OrderCreated;

/**
 * Test-only projector, deployed with {@code ProjectionFailuresIT} only. It records the order in
 * which it applies events ({@code it_applied}) and refuses the creation of any order whose
 * customer name starts with {@code POISON} until the test "cures" that order (a row in
 * {@code it_cures}). Its tables are created on first use so it works on a fresh database.
 */
@Dependent
public class PoisonProjector extends Projector {

    public static final String NAME = "it-poison";

    private final EntityManager em;

    @Inject
    public PoisonProjector(EntityManager em) {
        this.em = em;
        on(OrderCreated.class, (event, envelope) -> {
            createTables();
            if (event.customerName().startsWith("POISON") && !cured(envelope)) {
                throw new IllegalStateException("poisoned order " + envelope.stream().id());
            }
            record(envelope);
        });
        on(ItemAdded.class, (event, envelope) -> {
            createTables();
            record(envelope);
        });
    }

    private void createTables() {
        em.createNativeQuery("CREATE TABLE IF NOT EXISTS it_applied (seq bigserial PRIMARY KEY, stream_id text NOT NULL, "
                + "version bigint NOT NULL)").executeUpdate();
        em.createNativeQuery("CREATE TABLE IF NOT EXISTS it_cures (stream_id text PRIMARY KEY)").executeUpdate();
    }

    private boolean cured(RecordedEvent envelope) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM it_cures WHERE stream_id = ?1")
                .setParameter(1, envelope.stream().id()).getSingleResult()).longValue() > 0;
    }

    private void record(RecordedEvent envelope) {
        em.createNativeQuery("INSERT INTO it_applied (stream_id, version) VALUES (?1, ?2)")
                .setParameter(1, envelope.stream().id())
                .setParameter(2, envelope.streamVersion())
                .executeUpdate();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void reset() {
        createTables();
        em.createNativeQuery("DELETE FROM it_applied").executeUpdate();
    }

    @Override
    public void reset(String tenantId, String streamId) {
        createTables();
        em.createNativeQuery("DELETE FROM it_applied WHERE stream_id = ?1").setParameter(1, streamId).executeUpdate();
    }
}
