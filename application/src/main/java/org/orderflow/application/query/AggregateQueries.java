package org.orderflow.application.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.orderflow.application.command.EventSourcedRepository;
import org.orderflow.application.command.EventSourcedRepository.Loaded;
import org.orderflow.application.eventstore.RecordedEvent;

/**
 * Reads one aggregate type by replaying its streams: the current state (from the latest
 * snapshot + tail), the state at a version or an instant (always from events), and its history.
 *
 * @param <A> the aggregate
 * @param <V> the view clients read
 */
public abstract class AggregateQueries<A, V extends VersionedView> {

    private EventSourcedRepository<A, ?, ?> repository;
    private Function<Loaded<A>, V> view;

    protected AggregateQueries() {
        // for CDI proxies
    }

    protected AggregateQueries(EventSourcedRepository<A, ?, ?> repository, Function<Loaded<A>, V> view) {
        this.repository = repository;
        this.view = view;
    }

    public Optional<V> find(String tenantId, UUID id) {
        return repository.find(tenantId, id).map(view);
    }

    /** As it was right after its version {@code version}; empty if it did not exist yet. */
    public Optional<V> findAtVersion(String tenantId, UUID id, long version) {
        return repository.findAsOf(tenantId, id, recorded -> recorded.streamVersion() <= version).map(view);
    }

    /** As it was at an instant (events recorded at or before it); empty if it did not exist yet. */
    public Optional<V> findAsOf(String tenantId, UUID id, Instant instant) {
        return repository.findAsOf(tenantId, id, recorded -> !recorded.recordedAt().isAfter(instant)).map(view);
    }

    /** Its events with their envelopes, paged by version. */
    public List<RecordedEvent> history(String tenantId, UUID id, long afterVersion, int limit) {
        return repository.history(tenantId, id, afterVersion, limit);
    }
}
