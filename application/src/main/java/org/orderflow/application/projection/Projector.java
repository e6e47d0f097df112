package org.orderflow.application.projection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.domain.DomainEvent;

/**
 * Builds one read model from events. Subclasses register a handler per event type in their
 * constructor — the Java form of {@code subscribes_to [OrderCreated, ...]} plus
 * {@code on OrderCreated do ... end}:
 *
 * <pre>{@code
 * on(OrderCreated.class, (event, envelope) -> summaries.create(...));
 * on(ItemAdded.class, (event, envelope) -> summaries.addItem(...));
 * }</pre>
 *
 * Dispatch is a map lookup by event class, resolved once: events the projector does not
 * subscribe to pass through {@link #apply} untouched. Handlers must be idempotent (a rebuild replays everything; the
 * stream version in the envelope is the natural guard) and run in the manager's transaction.
 */
public abstract class Projector {

    /** Handles one event type; {@code envelope} carries stream, version, position, time and metadata. */
    @FunctionalInterface
    public interface Handler<E extends DomainEvent> {
        void handle(E event, RecordedEvent envelope);
    }

    private final Map<Class<? extends DomainEvent>, Handler<? extends DomainEvent>> handlers = new LinkedHashMap<>();

    /** The projector's stable name: its checkpoint and errors are stored under it. */
    public abstract String name();

    /** Deletes every row of the read model, for a rebuild from the start of the log. */
    public abstract void reset();

    /** Deletes the rows of one stream, for rebuilding a single stream. */
    public abstract void reset(String tenantId, String streamId);

    /**
     * The read-model tables this projector writes (and nothing else does). A full rebuild builds
     * new copies of them beside the live ones and swaps them in at the end; empty (the default)
     * means the projector cannot be rebuilt that way.
     */
    public List<String> tables() {
        return List.of();
    }

    protected final <E extends DomainEvent> void on(Class<E> type, Handler<E> handler) {
        if (handlers.putIfAbsent(type, handler) != null) {
            throw new IllegalStateException(name() + " registers two handlers for " + type.getSimpleName());
        }
    }

    public final Set<Class<? extends DomainEvent>> subscribesTo() {
        return Collections.unmodifiableSet(handlers.keySet());
    }

    public final boolean handles(RecordedEvent envelope) {
        return handlers.containsKey(envelope.event().getClass());
    }

    /**
     * Called in the batch's transaction, under the projector's lock, before the events of a batch
     * of the log are applied one by one: a projector may load at once what their handlers will
     * need (one query instead of one per event). {@link #batchDone()} follows whatever happens.
     */
    public void prepare(List<RecordedEvent> batch) {
    }

    /**
     * The same for a batch of a new read model that is being built from the start of the log, in
     * log order (a rebuild): such a model holds no row of a stream whose first event is in the
     * batch, so a projector need not look for one. By default, {@link #prepare}.
     */
    public void prepareNewModel(List<RecordedEvent> batch) {
        prepare(batch);
    }

    /**
     * Every event of the batch given to {@link #prepare} was applied, in its transaction, which is
     * about to commit: write what the projector held back for the batch (rows it built in memory,
     * so that each is written once with its final state instead of once per event).
     */
    public void batchApplied() {
    }

    /** The batch given to {@link #prepare} is applied or abandoned: forget what was prepared. */
    public void batchDone() {
    }

    /** Applies the event if this projector subscribes to it. */
    @SuppressWarnings("unchecked")
    public final void apply(RecordedEvent envelope) {
        Handler<DomainEvent> handler = (Handler<DomainEvent>) handlers.get(envelope.event().getClass());
        if (handler != null) {
            handler.handle(envelope.event(), envelope);
        }
    }
}
