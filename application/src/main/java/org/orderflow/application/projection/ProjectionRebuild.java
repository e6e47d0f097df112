package org.orderflow.application.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.orderflow.application.eventstore.LogCursors;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.application.eventstore.StreamId;

/**
 * Blue/green rebuilds of read models. {@link #start} records a job and creates the new read
 * model's empty tables beside the live ones; {@link #run} (in the background) builds it:
 *
 * <ol>
 * <li>the bulk of the log through one server-side cursor, applied in batches, each batch's rows
 *     and the job's checkpoint committed together (a crash resumes at the last batch);</li>
 * <li>the events written meanwhile, page by page, until the job is within a batch of the head;</li>
 * <li>the live tables' other indexes, built once on the full tables;</li>
 * <li>the swap, under the projector's lock: the last events, then the new tables replace the
 *     live ones and the projector's checkpoint moves to the job's — one transaction.</li>
 * </ol>
 *
 * Queries read the old read model, kept current by the live run, until the swap commits, and the
 * new one from then on: never an empty or partial one. A job that fails or is cancelled drops the
 * new model and leaves the live one as it was.
 */
@ApplicationScoped
public class ProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class.getName());

    private RebuildSteps steps;
    private LogCursors cursors;
    private Projectors projectors;

    protected ProjectionRebuild() {
        // for CDI proxies
    }

    @Inject
    public ProjectionRebuild(RebuildSteps steps, LogCursors cursors, Projectors projectors) {
        this.steps = steps;
        this.cursors = cursors;
        this.projectors = projectors;
    }

    /**
     * Starts a rebuild of the projector: a running job with empty new tables. Run it with {@link #run}.
     *
     * @throws RebuildRunning if one is running already
     * @throws IllegalArgumentException if the projector declares no tables of its own
     */
    public RebuildJob start(Projector projector) {
        if (projector.tables().isEmpty()) {
            throw new IllegalArgumentException("Projector " + projector.name() + " declares no tables to rebuild");
        }
        return steps.start(projector);
    }

    public Optional<RebuildJob> find(long id) {
        return steps.find(id);
    }

    /** The projector's jobs, newest first. */
    public List<RebuildJob> jobs(Projector projector, int max) {
        return steps.jobs(projector.name(), max);
    }

    /** Jobs that are running, or were when the server stopped. */
    public List<RebuildJob> running() {
        return steps.running();
    }

    /** Asks a running job to stop; false if it is not running. */
    public boolean cancel(long id) {
        return steps.requestCancel(id);
    }

    /**
     * Builds the job's new read model and swaps it in (or resumes doing so after a restart);
     * reports the job after every batch. Returns the finished job — or, if another runner holds
     * the job, the job as it is.
     */
    public RebuildJob run(long jobId, int batchSize, Consumer<RebuildJob> progress) {
        RebuildJob job = steps.find(jobId).orElseThrow(() -> new IllegalArgumentException("No rebuild job " + jobId));
        if (job.state().finished()) {
            return job;
        }
        Optional<Projector> named = projectors.named(job.projector());
        if (named.isEmpty()) {
            return steps.fail(jobId, "Projector " + job.projector() + " is not deployed any more");
        }
        Projector projector = named.get();
        try {
            job = bulk(projector, job, batchSize, progress);
            if (job.cancelRequested() || job.state().finished()) {
                return ended(projector, job);
            }
            if (!catchUp(projector, jobId, batchSize)) {
                return ended(projector, steps.find(jobId).orElseThrow());
            }
            steps.index(projector);
            while (true) {
                if (!catchUp(projector, jobId, batchSize)) {
                    return ended(projector, steps.find(jobId).orElseThrow());
                }
                Optional<RebuildJob> swapped = steps.swap(projector, jobId, batchSize);
                if (swapped.isPresent()) {
                    progress.accept(swapped.get());
                    return swapped.get();
                }
                // the live run held the projector (or the job was asked to stop): look again
            }
        } catch (ProjectorBusy anotherRunner) {
            LOG.info(() -> "Rebuild job " + jobId + " is run elsewhere: " + anotherRunner.getMessage());
            return steps.find(jobId).orElseThrow();
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "Rebuild job " + jobId + " of " + projector.name()
                    + " failed; the live read model is kept", failure);
            return steps.abandon(projector, jobId, RebuildJob.State.FAILED, String.valueOf(failure.getMessage()));
        }
    }

    /** The log up to where the cursor was opened, one transaction per batch. */
    private RebuildJob bulk(Projector projector, RebuildJob job, int batchSize, Consumer<RebuildJob> progress) {
        try (LogCursors.Cursor cursor = cursors.open(job.checkpoint())) {
            while (true) {
                List<RecordedEvent> batch = cursor.next(batchSize);
                if (batch.isEmpty()) {
                    return job;
                }
                job = steps.apply(projector, job.id(), batch);
                progress.accept(job);
                if (job.cancelRequested() || job.state().finished()) {
                    return job;
                }
            }
        }
    }

    /** Pages until within one batch of the head; false if the job was asked to stop meanwhile. */
    private boolean catchUp(Projector projector, long jobId, int batchSize) {
        while (true) {
            int read = steps.catchUp(projector, jobId, batchSize);
            if (read < batchSize) {
                RebuildJob job = steps.find(jobId).orElseThrow();
                return !job.cancelRequested() && !job.state().finished();
            }
        }
    }

    private RebuildJob ended(Projector projector, RebuildJob job) {
        if (job.state().finished()) {
            return job;
        }
        return steps.abandon(projector, job.id(), RebuildJob.State.CANCELLED, null);
    }

    /**
     * Rebuilds one stream's rows in place: deletes them and applies the stream's events again, in
     * one transaction under the projector's lock.
     *
     * @return false if the projector was busy; try again
     */
    public boolean rebuildStream(Projector projector, StreamId stream) {
        return steps.rebuildStream(projector, stream);
    }
}
