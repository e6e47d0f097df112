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
    private ProjectionSegments segments;
    private Tracing tracing;

    protected LiveBatches() {
        // for CDI proxies
    }

    public LiveBatches(EventStore store, ProjectionCheckpoints checkpoints, ProjectionErrors errors, RetrySchedule schedule,
                       Clock clock) {
        this(store, checkpoints, errors, schedule, clock, Tracing.NONE, ProjectionSegments.SINGLE);
    }

    @Inject
    public LiveBatches(EventStore store, ProjectionCheckpoints checkpoints, ProjectionErrors errors, RetrySchedule schedule,
                       Clock clock, Tracing tracing, ProjectionSegments segments) {
        this.tracing = tracing;
        this.store = store;
        this.checkpoints = checkpoints;
        this.errors = errors;
        this.schedule = schedule;
        this.clock = clock;
        this.segments = segments;
        this.lock = new ProjectorLock(checkpoints, segments);
    }

    /**
     * Processes at most {@code batchSize} events after the projector's checkpoint. Events of a
     * blocked stream are parked. If a handler fails the whole batch rolls back (the exception
     * propagates) and the caller processes it event by event. For a projector of one segment.
     */
    @Transactional
    public BatchResult runBatch(Projector projector, int batchSize) {
        return runBatch(projector, only(projector), batchSize, Duration.ZERO);
    }

    /**
     * The same for one segment of the projector: it reads the log after the segment's checkpoint,
     * applies the events of its streams and moves its checkpoint past the whole batch. Waits at
     * most {@code wait} for the segment's lock (a rebuild's batches).
     */
    @Transactional
    public BatchResult runBatch(Projector projector, Segment segment, int batchSize, Duration wait) {
        return lock.whileHolding(segment, wait, () -> {
            List<RecordedEvent> batch = store.readAll(checkpoints.checkpoint(segment.key()), batchSize);
            if (batch.isEmpty()) {
                return new BatchResult(0, true);
            }
            List<RecordedEvent> own = ownEvents(segment, batch);
            if (!own.isEmpty()) {
                Set<StreamId> blocked = errors.blockedStreams(projector.name());
                projector.prepare(own);
                try {
                    for (RecordedEvent event : own) {
                        applyOrPark(projector, event, blocked);
                    }
                    projector.batchApplied();
                } finally {
                    projector.batchDone();
                }
            }
            checkpoints.save(segment.key(), batch.get(batch.size() - 1).checkpoint(), clock.instant());
            return new BatchResult(batch.size(), true);
        }).orElse(new BatchResult(0, false));
    }

    /** Creates the checkpoints of the projector's segments that have none yet (see {@link ProjectionCheckpoints#initialize}). */
    @Transactional
    public void initializeSegments(Projector projector) {
        checkpoints.initialize(projector.name(), segments.keys(projector.name()), clock.instant());
    }

    /** The next events after the segment's checkpoint, without processing them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RecordedEvent> peek(Segment segment, int max) {
        return store.readAll(checkpoints.checkpoint(segment.key()), max);
    }

    /**
     * Processes one event (isolation mode after a failed batch) and moves the segment's checkpoint past it.
     *
     * @return false if the segment was busy
     */
    @Transactional
    public boolean applyOne(Projector projector, Segment segment, RecordedEvent event) {
        return lock.whileHolding(segment, () -> {
            if (event.checkpoint().isAfter(checkpoints.checkpoint(segment.key()))) {
                if (segment.contains(event.stream())) {
                    applyOrPark(projector, event, errors.blockedStreams(projector.name()));
                }
                checkpoints.save(segment.key(), event.checkpoint(), clock.instant());
            }
            return true;
        }).orElse(false);
    }

    /**
     * Records that {@code event} failed and moves the segment's checkpoint past it: its stream is now blocked.
     *
     * @return false if the segment was busy
     */
    @Transactional
    public boolean recordFailure(Projector projector, Segment segment, RecordedEvent event, Throwable failure) {
        return lock.whileHolding(segment, () -> {
            if (event.checkpoint().isAfter(checkpoints.checkpoint(segment.key()))) {
                errors.record(projector.name(), event, failure, schedule.next(0, clock.instant()).orElse(null), clock.instant());
                checkpoints.save(segment.key(), event.checkpoint(), clock.instant());
            }
            return true;
        }).orElse(false);
    }

    /** The projector's segments, in index order. */
    public List<Segment> segments(Projector projector) {
        return segments.of(projector.name());
    }

    private Segment only(Projector projector) {
        List<Segment> all = segments.of(projector.name());
        if (all.size() != 1) {
            throw new IllegalStateException(projector.name() + " has " + all.size() + " segments: name the segment");
        }
        return all.get(0);
    }

    private static List<RecordedEvent> ownEvents(Segment segment, List<RecordedEvent> batch) {
        return segment.count() == 1 ? batch : batch.stream().filter(e -> segment.contains(e.stream())).toList();
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
