package org.orderflow.application.projection;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one way to work on a projector: under its lock, taken in the current transaction (an
 * advisory lock, released at commit or rollback). Live batches, failed-event retries and
 * rebuilds of one projector therefore never interleave, on this server or another.
 */
final class ProjectorLock {

    private final ProjectionCheckpoints checkpoints;

    ProjectorLock(ProjectionCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    /** Runs {@code step} holding the projector's lock; empty, without running it, if another transaction holds it. */
    <T> Optional<T> whileHolding(String projector, Supplier<T> step) {
        if (!checkpoints.tryLock(projector)) {
            return Optional.empty();
        }
        return Optional.of(step.get());
    }
}
