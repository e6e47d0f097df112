package org.orderflow.application.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Consumer;
import org.orderflow.application.eventstore.StreamId;

/**
 * Rebuilds read models. A full rebuild empties the projector's read model and resets its
 * checkpoint in one transaction, then replays the whole log batch by batch through the same
 * path as the live run — each batch commits rows and checkpoint together, under the projector's
 * lock — so commands written meanwhile are neither lost nor applied twice: they are simply
 * further along the log.
 */
@ApplicationScoped
public class ProjectionRebuild {

    /** Where a rebuild is. */
    public record Progress(String projector, long eventsDone, long eventsTotal, Duration elapsed) {
        public double eventsPerSecond() {
            return elapsed.isZero() ? 0 : eventsDone * 1000.0 / Math.max(1, elapsed.toMillis());
        }
    }

    private RebuildSteps steps;
    private ProjectionRunner runner;
    private ProjectionCheckpoints checkpoints;

    protected ProjectionRebuild() {
        // for CDI proxies
    }

    @Inject
    public ProjectionRebuild(RebuildSteps steps, ProjectionRunner runner, ProjectionCheckpoints checkpoints) {
        this.steps = steps;
        this.runner = runner;
        this.checkpoints = checkpoints;
    }

    /** Rebuilds the projector from the start of the log; reports progress after every batch. */
    public Progress rebuild(Projector projector, int batchSize, Consumer<Progress> progress) {
        long started = System.nanoTime();
        long total = steps.reset(projector);
        if (total < 0) {
            throw new ProjectorBusy(projector.name());
        }
        while (true) {
            // each batch waits in the database while a live batch (or a retry) of the projector runs
            long read = runner.catchUp(projector, batchSize, 1, ProjectorLock.OPERATOR_WAIT);
            // Progress is measured on the checkpoint, not on this loop's own batches: the live run
            // takes turns with it on the same projector (and the log keeps growing meanwhile).
            long lag = checkpoints.lag(projector.name()).events();
            Progress now = new Progress(projector.name(), Math.max(0, total - lag), total,
                    Duration.ofNanos(System.nanoTime() - started));
            progress.accept(now);
            // Done at the head, or within one batch of it: under constant writes the head keeps
            // moving, and the live run carries on from the rebuilt checkpoint.
            if (lag == 0 || (read < batchSize && lag < batchSize)) {
                return now;
            }
        }
    }

    /**
     * Rebuilds one stream's rows: deletes them and applies the stream's events again, in one
     * transaction under the projector's lock.
     *
     * @return false if the projector was busy; try again
     */
    public boolean rebuildStream(Projector projector, StreamId stream) {
        return steps.rebuildStream(projector, stream);
    }
}
