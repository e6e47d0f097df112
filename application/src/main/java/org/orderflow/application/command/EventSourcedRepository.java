package org.orderflow.application.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.orderflow.application.eventstore.AppendResult;
import org.orderflow.application.eventstore.ConcurrencyConflict;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.application.eventstore.ExpectedVersion;
import org.orderflow.application.eventstore.NewEvent;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.application.eventstore.StreamId;
import org.orderflow.application.snapshot.SnapshotPolicy;
import org.orderflow.application.snapshot.SnapshotStore;
import org.orderflow.application.snapshot.Snapshotting;
import org.orderflow.domain.DomainEvent;

/**
 * Loads an aggregate from its latest usable snapshot plus the events after it (or by replaying
 * the whole stream), and appends what it decided with the version it was loaded at as the
 * expected version. When an append crosses the snapshot interval, the state right after the
 * new events is snapshotted in the same transaction: a snapshot can then never claim a version
 * whose events were rolled back, and the cost lands on one command in every interval.
 *
 * @param <A> the aggregate
 * @param <E> its event family
 * @param <S> its snapshot form
 */
public abstract class EventSourcedRepository<A, E extends DomainEvent, S> {

    /** An aggregate as of a stream version. */
    public record Loaded<A>(StreamId stream, A aggregate, long version, long lastPosition, Timeline timeline) {
    }

    private static final Logger LOG = Logger.getLogger(EventSourcedRepository.class.getName());

    private final EventStore store;
    private final String streamType;
    private final Class<E> eventType;
    private final Function<List<E>, A> replay;
    private final SnapshotStore snapshots;
    private final SnapshotPolicy policy;
    private final Snapshotting<A, E, S> snapshotting;

    protected EventSourcedRepository(EventStore store, String streamType, Class<E> eventType,
                                     Function<List<E>, A> replay, SnapshotStore snapshots, SnapshotPolicy policy,
                                     Snapshotting<A, E, S> snapshotting) {
        this.store = store;
        this.streamType = streamType;
        this.eventType = eventType;
        this.replay = replay;
        this.snapshots = snapshots;
        this.policy = policy;
        this.snapshotting = snapshotting;
    }

    public StreamId streamId(String tenantId, UUID id) {
        return new StreamId(tenantId, streamType, id.toString());
    }

    /** The current aggregate: latest usable snapshot + the events after it, or a full replay. */
    public Optional<Loaded<A>> find(String tenantId, UUID id) {
        StreamId stream = streamId(tenantId, id);
        Optional<SnapshotStore.Snapshot<S>> snapshot = snapshots.load(stream, snapshotting.form(),
                snapshotting.schemaVersion());
        if (snapshot.isEmpty()) {
            return findAsOf(tenantId, id, recorded -> true);
        }
        try {
            A aggregate = snapshotting.restore().apply(snapshot.get().state());
            long version = snapshot.get().streamVersion();
            long lastPosition = snapshot.get().lastPosition();
            Timeline timeline = new Timeline();
            for (RecordedEvent recorded : store.load(stream, version)) {
                snapshotting.apply().accept(aggregate, eventType.cast(recorded.event()));
                version = recorded.streamVersion();
                lastPosition = recorded.position();
                timeline.add(recorded);
            }
            return Optional.of(new Loaded<>(stream, aggregate, version, lastPosition, timeline));
        } catch (RuntimeException unusable) {
            // The snapshot read but does not restore (e.g. a required value missing): it is only a
            // cache, so replay the events instead.
            LOG.log(Level.WARNING, "Ignoring snapshot of " + stream + " that does not restore", unusable);
            return findAsOf(tenantId, id, recorded -> true);
        }
    }

    /** The aggregate by replaying every event, ignoring snapshots (for checks and time travel). */
    public Optional<Loaded<A>> replayFully(String tenantId, UUID id) {
        return findAsOf(tenantId, id, recorded -> true);
    }

    /**
     * The aggregate as it was: replays the stream's events from the first up to (excluding) the
     * first one that {@code included} rejects. Empty if the stream did not exist then.
     */
    public Optional<Loaded<A>> findAsOf(String tenantId, UUID id, Predicate<RecordedEvent> included) {
        StreamId stream = streamId(tenantId, id);
        List<E> events = new ArrayList<>();
        RecordedEvent last = null;
        Timeline timeline = new Timeline();
        for (RecordedEvent recorded : store.load(stream)) {
            if (!included.test(recorded)) {
                break;
            }
            events.add(eventType.cast(recorded.event()));
            last = recorded;
            timeline.add(recorded);
        }
        if (last == null) {
            return Optional.empty();
        }
        return Optional.of(new Loaded<>(stream, replay.apply(events), last.streamVersion(), last.position(), timeline));
    }

    /** A page of the stream's events with their envelopes, in version order. */
    public List<RecordedEvent> history(String tenantId, UUID id, long afterVersion, int limit) {
        return store.load(streamId(tenantId, id), afterVersion, limit);
    }

    /**
     * Loads for a command, holding the stream until the command's transaction ends (concurrent
     * commands on the aggregate wait instead of racing); a pinned version must be the current
     * one, or nothing is decided.
     */
    public Loaded<A> load(CommandContext context, UUID id) {
        store.lockStream(streamId(context.tenantId(), id));
        Loaded<A> loaded = find(context.tenantId(), id).orElseThrow(() -> new AggregateNotFound(streamType, id.toString()));
        context.pinnedVersion().ifPresent(pinned -> {
            if (pinned != loaded.version()) {
                throw new ConcurrencyConflict(loaded.stream(), ExpectedVersion.exactly(pinned),
                        java.util.OptionalLong.of(loaded.version()));
            }
        });
        return loaded;
    }

    /** Starts a new stream with the decided events. */
    public CommandResult create(CommandContext context, UUID id, List<? extends E> decided) {
        StreamId stream = streamId(context.tenantId(), id);
        AppendResult result = store.append(stream, ExpectedVersion.noStream(), envelopes(decided, context));
        if (policy.due(streamType, 0, result.streamVersion())) {
            snapshot(stream, replay.apply(List.copyOf(decided)), result);
        }
        return new CommandResult(stream.id(), result.streamVersion(), result.lastPosition(), null, false);
    }

    /** Appends the decided events after the loaded version; deciding nothing appends nothing. */
    public CommandResult append(CommandContext context, Loaded<A> loaded, List<? extends E> decided) {
        if (decided.isEmpty()) {
            return new CommandResult(loaded.stream().id(), loaded.version(), loaded.lastPosition(), null, false);
        }
        AppendResult result = store.append(loaded.stream(), ExpectedVersion.exactly(loaded.version()),
                envelopes(decided, context));
        if (policy.due(streamType, loaded.version(), result.streamVersion())) {
            A after = loaded.aggregate();
            decided.forEach(event -> snapshotting.apply().accept(after, event));
            snapshot(loaded.stream(), after, result);
        }
        return new CommandResult(loaded.stream().id(), result.streamVersion(), result.lastPosition(), null, false);
    }

    private void snapshot(StreamId stream, A aggregate, AppendResult result) {
        snapshots.save(stream, snapshotting.schemaVersion(), new SnapshotStore.Snapshot<>(
                snapshotting.take().apply(aggregate), result.streamVersion(), result.lastPosition()));
    }

    private static List<NewEvent> envelopes(List<? extends DomainEvent> events, CommandContext context) {
        return events.stream()
                .map(event -> new NewEvent(UUID.randomUUID(), event, context.eventMetadata()))
                .toList();
    }
}
