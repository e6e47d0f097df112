package org.orderflow.application.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.orderflow.application.eventstore.Checkpoint;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.application.eventstore.StreamId;

/**
 * The transactional steps of running projectors; {@link ProjectionRunner} and
 * {@link ProjectionRetries} sequence them. Every step locks the projector first, so live runs,
 * isolation runs, retries and rebuilds of one projector never interleave, and every step that
 * applies events advances the checkpoint in the same transaction.
 */
@ApplicationScoped
public class ProjectionManager {

    /** What one batch did: events read from the log (0 = caught up), and whether the projector was free. */
    public record BatchResult(int eventsRead, boolean locked) {
    }

    private List<Projector> projectors;
    private EventStore store;
    private ProjectionCheckpoints checkpoints;
    private ProjectionErrors errors;
    private RetrySchedule schedule;
    private Clock clock;

    protected ProjectionManager() {
        // for CDI proxies
    }

    @Inject
    public ProjectionManager(@Any Instance<Projector> projectors, EventStore store, ProjectionCheckpoints checkpoints,
                             ProjectionErrors errors, RetrySchedule schedule, Clock clock) {
        this(projectors.stream().toList(), store, checkpoints, errors, schedule, clock);
    }

    public ProjectionManager(List<Projector> projectors, EventStore store, ProjectionCheckpoints checkpoints,
                             ProjectionErrors errors, RetrySchedule schedule, Clock clock) {
        this.projectors = List.copyOf(projectors);
        this.store = store;
        this.checkpoints = checkpoints;
        this.errors = errors;
        this.schedule = schedule;
        this.clock = clock;
    }

    public List<Projector> projectors() {
        return projectors;
    }

    public Optional<Projector> projector(String name) {
        return projectors.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Processes at most {@code batchSize} events after the projector's checkpoint in one
     * transaction. Events of a blocked stream are parked. If a handler fails the whole batch
     * rolls back (the exception propagates) and the caller processes it event by event.
     */
    @Transactional
    public BatchResult runBatch(Projector projector, int batchSize) {
        if (!checkpoints.tryLock(projector.name())) {
            return new BatchResult(0, false);
        }
        List<RecordedEvent> batch = store.readAll(checkpoints.checkpoint(projector.name()), batchSize);
        if (batch.isEmpty()) {
            return new BatchResult(0, true);
        }
        Set<StreamId> blocked = errors.blockedStreams(projector.name());
        for (RecordedEvent event : batch) {
            applyOrPark(projector, event, blocked);
        }
        checkpoints.save(projector.name(), batch.get(batch.size() - 1).checkpoint(), clock.instant());
        return new BatchResult(batch.size(), true);
    }

    /** The next events after the projector's checkpoint, without processing them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RecordedEvent> peek(Projector projector, int max) {
        return store.readAll(checkpoints.checkpoint(projector.name()), max);
    }

    /**
     * Processes one event in its own transaction (isolation mode after a failed batch).
     *
     * @return false if the projector was busy
     */
    @Transactional
    public boolean applyOne(Projector projector, RecordedEvent event) {
        if (!checkpoints.tryLock(projector.name())) {
            return false;
        }
        if (event.checkpoint().isAfter(checkpoints.checkpoint(projector.name()))) {
            applyOrPark(projector, event, errors.blockedStreams(projector.name()));
            checkpoints.save(projector.name(), event.checkpoint(), clock.instant());
        }
        return true;
    }

    /** Records that {@code event} failed and moves the checkpoint past it: its stream is now blocked. */
    @Transactional
    public boolean recordFailure(Projector projector, RecordedEvent event, Throwable failure) {
        if (!checkpoints.tryLock(projector.name())) {
            return false;
        }
        if (event.checkpoint().isAfter(checkpoints.checkpoint(projector.name()))) {
            errors.record(projector.name(), event, failure, schedule.next(0, clock.instant()).orElse(null), clock.instant());
            checkpoints.save(projector.name(), event.checkpoint(), clock.instant());
        }
        return true;
    }

    /**
     * Applies a failed event again; closes the error as resolved if it succeeds. Throws (and
     * rolls back) if it fails again; the caller then calls {@link #retryFailed}.
     */
    @Transactional
    public boolean retry(ProjectionErrors.Failure failure) {
        Projector projector = projector(failure.projector()).orElseThrow();
        if (!checkpoints.tryLock(projector.name())) {
            return false;
        }
        projector.apply(event(failure.stream(), failure.streamVersion()));
        errors.close(failure.id(), ProjectionErrors.Status.RESOLVED, "retry", null, clock.instant());
        return true;
    }

    /** Counts a failed retry and schedules the next one, or makes the error dead. */
    @Transactional
    public void retryFailed(ProjectionErrors.Failure failure, Throwable again) {
        int retries = failure.retryCount() + 1;
        errors.retryFailed(failure.id(), retries, schedule.next(retries, clock.instant()).orElse(null),
                String.valueOf(again), clock.instant());
    }

    /** Closes an error without applying its event, recording who and why. */
    @Transactional
    public void skip(ProjectionErrors.Failure failure, String by, String why) {
        errors.close(failure.id(), ProjectionErrors.Status.SKIPPED, by, why, clock.instant());
    }

    /**
     * Releases the oldest parked event of a stream whose error was closed: applies it and
     * unparks it. Throws (and rolls back) if it fails; the caller then calls {@link #parkedFailed}.
     *
     * @return the released stream version, or empty if nothing is parked (or the projector was busy)
     */
    @Transactional
    public Optional<Long> releaseNext(Projector projector, StreamId stream) {
        if (!checkpoints.tryLock(projector.name())) {
            return Optional.empty();
        }
        List<Long> parked = errors.parkedVersions(projector.name(), stream);
        if (parked.isEmpty() || errors.hasOpenError(projector.name(), stream)) {
            return Optional.empty();
        }
        long version = parked.get(0);
        projector.apply(event(stream, version));
        errors.unpark(projector.name(), stream, version);
        return Optional.of(version);
    }

    /** A released event failed: it becomes the stream's new open error (the rest stays parked). */
    @Transactional
    public void parkedFailed(Projector projector, StreamId stream, long version, Throwable failure) {
        RecordedEvent event = event(stream, version);
        errors.unpark(projector.name(), stream, version);
        errors.record(projector.name(), event, failure, schedule.next(0, clock.instant()).orElse(null), clock.instant());
    }

    /**
     * Empties the projector's read model and moves its checkpoint back to the start, atomically.
     *
     * @return how many events the projector now has to replay, or -1 if it was busy
     */
    @Transactional
    public long reset(Projector projector) {
        if (!checkpoints.tryLock(projector.name())) {
            return -1;
        }
        projector.reset();
        errors.clear(projector.name());
        checkpoints.save(projector.name(), Checkpoint.START, clock.instant());
        return checkpoints.lag(projector.name()).events();
    }

    private void applyOrPark(Projector projector, RecordedEvent event, Set<StreamId> blocked) {
        if (!projector.handles(event)) {
            return;
        }
        if (blocked.contains(event.stream())) {
            errors.park(projector.name(), event);
        } else {
            projector.apply(event);
        }
    }

    private RecordedEvent event(StreamId stream, long version) {
        return store.load(stream, version - 1, 1).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No event " + stream + " v" + version));
    }
}
