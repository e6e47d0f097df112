package org.orderflow.application.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.application.eventstore.StreamId;
import org.orderflow.application.tracing.Tracing;

/**
 * The transactional steps of the live run, which {@link ProjectionRunner} sequences: a batch of
 * the log after the projector's checkpoint, or — after a batch failed — one event at a time, a
 * failing one recorded and its stream parked. Every step holds the projector's lock and moves
 * its checkpoint in the same transaction as the read-model changes.
 */
@ApplicationScoped
public class LiveBatches {

    /** What one batch did: events read from the log (0 = caught up), and whether the projector was free. */
    public record BatchResult(int eventsRead, boolean locked) {
    }

    private EventStore store;
    private ProjectionCheckpoints checkpoints;
    private ProjectionErrors errors;
    private RetrySchedule schedule;
    private Clock clock;
    private ProjectorLock lock;
    private Tracing tracing;

    protected LiveBatches() {
        // for CDI proxies
    }

    public LiveBatches(EventStore store, ProjectionCheckpoints checkpoints, ProjectionErrors errors, RetrySchedule schedule,
                       Clock clock) {
        this(store, checkpoints, errors, schedule, clock, Tracing.NONE);
    }

    @Inject
    public LiveBatches(EventStore store, ProjectionCheckpoints checkpoints, ProjectionErrors errors, RetrySchedule schedule,
                       Clock clock, Tracing tracing) {
        this.tracing = tracing;
        this.store = store;
        this.checkpoints = checkpoints;
        this.errors = errors;
        this.schedule = schedule;
        this.clock = clock;
        this.lock = new ProjectorLock(checkpoints);
    }

    /**
     * Processes at most {@code batchSize} events after the projector's checkpoint. Events of a
     * blocked stream are parked. If a handler fails the whole batch rolls back (the exception
     * propagates) and the caller processes it event by event.
     */
    @Transactional
    public BatchResult runBatch(Projector projector, int batchSize) {
        return runBatch(projector, batchSize, Duration.ZERO);
    }

    /** The same, waiting at most {@code wait} for the projector's lock (a rebuild's batches). */
    @Transactional
    public BatchResult runBatch(Projector projector, int batchSize, Duration wait) {
        return lock.whileHolding(projector.name(), wait, () -> {
            List<RecordedEvent> batch = store.readAll(checkpoints.checkpoint(projector.name()), batchSize);
            if (batch.isEmpty()) {
                return new BatchResult(0, true);
            }
            Set<StreamId> blocked = errors.blockedStreams(projector.name());
            projector.prepare(batch);
            try {
                for (RecordedEvent event : batch) {
                    applyOrPark(projector, event, blocked);
                }
                projector.batchApplied();
            } finally {
                projector.batchDone();
            }
            checkpoints.save(projector.name(), batch.get(batch.size() - 1).checkpoint(), clock.instant());
            return new BatchResult(batch.size(), true);
        }).orElse(new BatchResult(0, false));
    }

    /** The next events after the projector's checkpoint, without processing them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RecordedEvent> peek(Projector projector, int max) {
        return store.readAll(checkpoints.checkpoint(projector.name()), max);
    }

    /**
     * Processes one event (isolation mode after a failed batch).
     *
     * @return false if the projector was busy
     */
    @Transactional
    public boolean applyOne(Projector projector, RecordedEvent event) {
        return lock.whileHolding(projector.name(), () -> {
            if (event.checkpoint().isAfter(checkpoints.checkpoint(projector.name()))) {
                applyOrPark(projector, event, errors.blockedStreams(projector.name()));
                checkpoints.save(projector.name(), event.checkpoint(), clock.instant());
            }
            return true;
        }).orElse(false);
    }

    /**
     * Records that {@code event} failed and moves the checkpoint past it: its stream is now blocked.
     *
     * @return false if the projector was busy
     */
    @Transactional
    public boolean recordFailure(Projector projector, RecordedEvent event, Throwable failure) {
        return lock.whileHolding(projector.name(), () -> {
            if (event.checkpoint().isAfter(checkpoints.checkpoint(projector.name()))) {
                errors.record(projector.name(), event, failure, schedule.next(0, clock.instant()).orElse(null), clock.instant());
                checkpoints.save(projector.name(), event.checkpoint(), clock.instant());
            }
            return true;
        }).orElse(false);
    }

    private void applyOrPark(Projector projector, RecordedEvent event, Set<StreamId> blocked) {
        if (!projector.handles(event)) {
            return;
        }
        if (blocked.contains(event.stream())) {
            errors.park(projector.name(), event);
        } else if (event.metadata().traceId() == null) {
            projector.apply(event);
        } else {
            // the event's trace goes on in the projector that applies it
            try (Tracing.Scope ignored = tracing.span("project " + event.eventType() + " into " + projector.name(),
                    Tracing.Kind.INTERNAL, event.metadata().traceId())) {
                projector.apply(event);
            }
        }
    }
}
