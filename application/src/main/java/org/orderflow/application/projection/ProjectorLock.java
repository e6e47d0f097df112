package org.orderflow.application.projection;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one way to work on a projector: under its locks, taken in the current transaction (advisory
 * locks, released at commit or rollback), one per segment. A live batch holds its segment's lock, so
 * two servers never apply one segment at once, while different segments run in parallel. A step on
 * one stream (a retry, a release, a stream's rebuild) holds the lock of the stream's segment; the
 * swap of a rebuild holds every segment's, in index order. The live run never waits for a lock (the
 * next firing comes soon); an operator's step or a rebuild waits in the database for the running
 * batch to commit, at most {@link #OPERATOR_WAIT}.
 */
final class ProjectorLock {

    /** How long a retry, a release or a rebuild step waits for a running batch of its projector. */
    static final Duration OPERATOR_WAIT = Duration.ofSeconds(5);

    private final ProjectionCheckpoints checkpoints;
    private final ProjectionSegments segments;

    ProjectorLock(ProjectionCheckpoints checkpoints, ProjectionSegments segments) {
        this.checkpoints = checkpoints;
        this.segments = segments;
    }

    /** Runs {@code step} holding the segment's lock; empty, without running it, if another transaction holds it. */
    <T> Optional<T> whileHolding(Segment segment, Supplier<T> step) {
        return whileHolding(segment, Duration.ZERO, step);
    }

    /** The same, waiting at most {@code wait} for a transaction that holds the lock to end. */
    <T> Optional<T> whileHolding(Segment segment, Duration wait, Supplier<T> step) {
        return whileHoldingKey(segment.key(), wait, step);
    }

    /** Runs {@code step} holding the lock of every segment of the projector (each waited for at most {@code wait}). */
    <T> Optional<T> whileHoldingAll(String projector, Duration wait, Supplier<T> step) {
        for (Segment segment : segments.of(projector)) {
            if (!checkpoints.lock(segment.key(), wait)) {
                return Optional.empty(); // the locks taken so far end with the transaction
            }
        }
        return Optional.of(step.get());
    }

    /** Runs {@code step} holding a lock of another name (a rebuild job's). */
    <T> Optional<T> whileHoldingKey(String key, Duration wait, Supplier<T> step) {
        if (!checkpoints.lock(key, wait)) {
            return Optional.empty();
        }
        return Optional.of(step.get());
    }
}
