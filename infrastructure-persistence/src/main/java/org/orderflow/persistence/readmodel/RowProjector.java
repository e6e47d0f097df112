package org.orderflow.persistence.readmodel;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** Ids per query when a batch's rows are loaded (a bound on the IN list). */
    private static final int LOAD_CHUNK = 1_000;

    protected final EntityManager em;
    private final Class<R> rowType;
    private final String entityName;
    /**
     * The current batch's state, per thread: one projector instance serves the live run and a
     * rebuild at the same time (each on its own thread, in its own transaction), and neither may
     * see or clear the other's. Set by {@link #prepare}, removed by {@link #batchDone}; absent on
     * single-event paths, which always ask the database and write at once.
     */
    private final ThreadLocal<Batch<R>> batch = new ThreadLocal<>();

    /** What one batch knows between {@link #prepare} and {@link #batchDone}. */
    private static final class Batch<R> {
        /** A rebuild's batch: its rows are written in bulk ({@link RowTable}), past the persistence context. */
        final boolean newModel;
        /** Rows the batch's query found missing: their first event inserts without asking the database again. */
        final Set<TenantKey> knownMissing = new HashSet<>();
        /**
         * Rows created during the batch, not yet handed to the persistence context: the batch's
         * later events change them in memory and {@link #batchApplied} persists each once, so a new
         * row costs one INSERT with its final state rather than an INSERT and an UPDATE at flush.
         */
        final Map<TenantKey, R> created = new LinkedHashMap<>();
        /** Rows changed during the batch: {@link #beforeWrite} runs once for each at its end. */
        final Map<TenantKey, R> changed = new LinkedHashMap<>();

        Batch(boolean newModel) {
            this.newModel = newModel;
        }
    }

    protected RowProjector(EntityManager em, Class<R> rowType) {
        this.em = em;
        this.rowType = rowType;
        this.entityName = rowType.getSimpleName();
    }

    protected static TenantKey key(RecordedEvent envelope) {
        return new TenantKey(envelope.stream().tenantId(), UUID.fromString(envelope.stream().id()));
    }

    /**
     * Loads the rows of every stream in the batch this projector handles with one query per
     * tenant (per 1,000 ids), so that its handlers find them in the persistence context instead
     * of one SELECT each, and remembers which are missing.
     */
    @Override
    public void prepare(List<RecordedEvent> batch) {
        prepare(batch, false);
    }

    /** A new model built in log order has no row yet for a stream that starts in the batch: only the others are looked up. */
    @Override
    public void prepareNewModel(List<RecordedEvent> batch) {
        prepare(batch, true);
    }

    private void prepare(List<RecordedEvent> events, boolean newModel) {
        Batch<R> current = new Batch<>(newModel);
        batch.set(current);
        Map<String, Set<UUID>> idsByTenant = new HashMap<>();
        Set<TenantKey> started = new HashSet<>();
        for (RecordedEvent event : events) {
            if (!handles(event)) {
                continue;
            }
            TenantKey key = key(event);
            if (newModel && event.streamVersion() == 1) {
                started.add(key);
            } else if (!started.contains(key)) {
                idsByTenant.computeIfAbsent(key.tenantId(), t -> new LinkedHashSet<>()).add(key.id());
            }
        }
        current.knownMissing.addAll(started);
        idsByTenant.forEach((tenant, ids) -> {
            List<UUID> all = new ArrayList<>(ids);
            for (int from = 0; from < all.size(); from += LOAD_CHUNK) {
                List<UUID> chunk = all.subList(from, Math.min(all.size(), from + LOAD_CHUNK));
                Set<UUID> missing = new HashSet<>(chunk);
                em.createQuery("SELECT r FROM " + entityName + " r WHERE r.key.tenantId = :tenant AND r.key.id IN :ids",
                                rowType)
                        .setParameter("tenant", tenant)
                        .setParameter("ids", chunk)
                        .getResultList()
                        .forEach(found -> missing.remove(found.key().id()));
                missing.forEach(id -> current.knownMissing.add(new TenantKey(tenant, id)));
            }
        });
    }

    @Override
    public void batchApplied() {
        Batch<R> current = batch.get();
        if (current == null) {
            return;
        }
        current.changed.values().forEach(this::beforeWrite);
        if (current.newModel) {
            // a rebuild's batch: one INSERT for the rows it created, one UPDATE for the earlier ones it changed; the
            // changed ones leave the persistence context, so the flush at commit does not write them again
            RowTable<R> rows = RowTable.of(rowType);
            rows.insert(em, current.created.values());
            List<R> earlier = current.changed.entrySet().stream()
                    .filter(e -> !current.created.containsKey(e.getKey())).map(Map.Entry::getValue).toList();
            rows.update(em, earlier);
            earlier.forEach(em::detach);
        } else {
            current.created.values().forEach(em::persist);
        }
        current.created.clear();
        current.changed.clear();
    }

    @Override
    public void batchDone() {
        batch.remove();
    }

    /**
     * Called once per row a batch changed, at the batch's end (after each change outside a
     * batch), before the row is written: a projector that keeps part of a row in a form cheaper to
     * change than its column (parsed JSON, say) writes it back here.
     */
    protected void beforeWrite(R row) {
    }

    /** Inserts the stream's row from its first event, unless it exists already. */
    protected void create(RecordedEvent envelope, Function<TenantKey, R> row) {
        TenantKey key = key(envelope);
        Batch<R> current = batch.get();
        if (current != null && current.created.containsKey(key)) {
            return; // created earlier in this batch
        }
        if ((current != null && current.knownMissing.remove(key)) || em.find(rowType, key) == null) {
            R fresh = row.apply(key);
            fresh.advance(envelope.streamVersion(), envelope.recordedAt());
            if (current != null) {
                current.created.put(key, fresh);
            } else {
                beforeWrite(fresh);
                em.persist(fresh);
            }
        }
    }

    /** Changes the stream's row if the event is newer than what it reflects. */
    protected void update(RecordedEvent envelope, Consumer<R> change) {
        TenantKey key = key(envelope);
        Batch<R> current = batch.get();
        R pending = current == null ? null : current.created.get(key);
        R row = pending != null ? pending : em.find(rowType, key);
        if (row == null) {
            throw new IllegalStateException(name() + ": no row for " + envelope.stream() + " at version "
                    + envelope.streamVersion() + " (its first event was not projected)");
        }
        if (envelope.streamVersion() <= row.version()) {
            return;
        }
        change.accept(row);
        row.advance(envelope.streamVersion(), envelope.recordedAt());
        if (current != null) {
            current.changed.putIfAbsent(key, row);
        } else {
            beforeWrite(row);
        }
    }

    @Override
    public List<String> tables() {
        return List.of(rowType.getAnnotation(Table.class).name());
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
