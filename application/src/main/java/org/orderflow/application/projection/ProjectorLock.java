package org.orderflow.application.projection;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one way to work on a projector: under its lock, taken in the current transaction (an
 * advisory lock, released at commit or rollback). Live batches, failed-event retries and
 * rebuilds of one projector therefore never interleave, on this server or another. The live run
 * never waits for it (the next firing comes soon); an operator's step or a rebuild waits in the
 * database for the running batch to commit, at most {@link #OPERATOR_WAIT}.
 */
final class ProjectorLock {

    /** How long a retry, a release or a rebuild step waits for a running batch of its projector. */
    static final Duration OPERATOR_WAIT = Duration.ofSeconds(5);

    private final ProjectionCheckpoints checkpoints;

    ProjectorLock(ProjectionCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    /** Runs {@code step} holding the projector's lock; empty, without running it, if another transaction holds it. */
    <T> Optional<T> whileHolding(String projector, Supplier<T> step) {
        return whileHolding(projector, Duration.ZERO, step);
    }

    /** The same, waiting at most {@code wait} for a transaction that holds the lock to end. */
    <T> Optional<T> whileHolding(String projector, Duration wait, Supplier<T> step) {
        if (!checkpoints.lock(projector, wait)) {
            return Optional.empty();
        }
        return Optional.of(step.get());
    }
}
