package org.orderflow.persistence.readmodel;

import jakarta.persistence.EntityManager;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.application.projection.Projector;

/**
 * A projector that keeps one row per stream. Each row remembers the stream version it reflects;
 * an event at or below it was already applied (a replay, a rebuild racing the live run) and is
 * skipped, so handlers are idempotent by construction.
 */
abstract class RowProjector<R extends VersionedRow> extends Projector {

    protected final EntityManager em;
    private final Class<R> rowType;
    private final String entityName;

    protected RowProjector(EntityManager em, Class<R> rowType) {
        this.em = em;
        this.rowType = rowType;
        this.entityName = rowType.getSimpleName();
    }

    protected static TenantKey key(RecordedEvent envelope) {
        return new TenantKey(envelope.stream().tenantId(), UUID.fromString(envelope.stream().id()));
    }

    /** Inserts the stream's row from its first event, unless it exists already. */
    protected void create(RecordedEvent envelope, Function<TenantKey, R> row) {
        TenantKey key = key(envelope);
        if (em.find(rowType, key) == null) {
            R created = row.apply(key);
            created.advance(envelope.streamVersion(), envelope.recordedAt());
            em.persist(created);
        }
    }

    /** Changes the stream's row if the event is newer than what it reflects. */
    protected void update(RecordedEvent envelope, Consumer<R> change) {
        R row = em.find(rowType, key(envelope));
        if (row == null) {
            throw new IllegalStateException(name() + ": no row for " + envelope.stream() + " at version "
                    + envelope.streamVersion() + " (its first event was not projected)");
        }
        if (envelope.streamVersion() <= row.version()) {
            return;
        }
        change.accept(row);
        row.advance(envelope.streamVersion(), envelope.recordedAt());
    }

    @Override
    public void reset() {
        em.createQuery("DELETE FROM " + entityName).executeUpdate();
    }

    @Override
    public void reset(String tenantId, String streamId) {
        R row = em.find(rowType, new TenantKey(tenantId, UUID.fromString(streamId)));
        if (row != null) {
            em.remove(row);
        }
    }
}
