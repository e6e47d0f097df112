package org.orderflow.application.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.application.eventstore.StreamId;

/**
 * The transactional steps of a failed event's life, which {@link ProjectionRetries} sequences:
 * retried (resolved, or failed again on the backoff schedule until dead), skipped by an
 * operator, and its stream's parked events released in order once it is closed. The steps that
 * apply events hold the lock of the stream's segment.
 */
@ApplicationScoped
public class FailedEventSteps {

    private Projectors projectors;
    private EventStore store;
    private ProjectionErrors errors;
    private RetrySchedule schedule;
    private Clock clock;
    private ProjectorLock lock;
    private ProjectionSegments segments;

    protected FailedEventSteps() {
        // for CDI proxies
    }

    public FailedEventSteps(Projectors projectors, EventStore store, ProjectionCheckpoints checkpoints, ProjectionErrors errors,
                            RetrySchedule schedule, Clock clock) {
        this(projectors, store, checkpoints, errors, schedule, clock, ProjectionSegments.SINGLE);
    }

    @Inject
    public FailedEventSteps(Projectors projectors, EventStore store, ProjectionCheckpoints checkpoints, ProjectionErrors errors,
                            RetrySchedule schedule, Clock clock, ProjectionSegments segments) {
        this.segments = segments;
        this.projectors = projectors;
        this.store = store;
        this.errors = errors;
        this.schedule = schedule;
        this.clock = clock;
        this.lock = new ProjectorLock(checkpoints, segments);
    }

    /**
     * Applies a failed event again; closes the error as resolved if it succeeds, recording who
     * retried it (an operator, or {@link ProjectionRetries#SCHEDULE}). Throws (and rolls back) if
     * it fails again; the caller then calls {@link #retryFailed}.
     *
     * @return false if the projector was busy
     */
    @Transactional
    public boolean retry(ProjectionErrors.Failure failure, String by) {
        Projector projector = projectors.named(failure.projector()).orElseThrow();
        return lock.whileHolding(segments.of(projector.name(), failure.stream()), ProjectorLock.OPERATOR_WAIT, () -> {
            projector.apply(event(failure.stream(), failure.streamVersion()));
            errors.close(failure.id(), ProjectionErrors.Status.RESOLVED, by, null, clock.instant());
            return true;
        }).orElse(false);
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
        return lock.whileHolding(segments.of(projector.name(), stream), ProjectorLock.OPERATOR_WAIT, () -> {
            List<Long> parked = errors.parkedVersions(projector.name(), stream);
            if (parked.isEmpty() || errors.hasOpenError(projector.name(), stream)) {
                return Optional.<Long>empty();
            }
            long version = parked.get(0);
            projector.apply(event(stream, version));
            errors.unpark(projector.name(), stream, version);
            return Optional.of(version);
        }).orElse(Optional.empty());
    }

    /** A released event failed: it becomes the stream's new open error (the rest stays parked). */
    @Transactional
    public void parkedFailed(Projector projector, StreamId stream, long version, Throwable failure) {
        RecordedEvent event = event(stream, version);
        errors.unpark(projector.name(), stream, version);
        errors.record(projector.name(), event, failure, schedule.next(0, clock.instant()).orElse(null), clock.instant());
    }

    private RecordedEvent event(StreamId stream, long version) {
        return store.load(stream, version - 1, 1).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No event " + stream + " v" + version));
    }
}
