package org.orderflow.application.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.orderflow.application.eventstore.Checkpoint;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.application.eventstore.StreamId;

/**
 * The transactional steps of a rebuild, which {@link ProjectionRebuild} sequences. A full rebuild
 * works on the new read model only (its shadow tables, under the job's own lock) while the live
 * run keeps the old one current; only the last step, the swap, takes the projector's lock.
 */
@ApplicationScoped
public class RebuildSteps {

    private EventStore store;
    private ProjectionCheckpoints checkpoints;
    private ProjectionErrors errors;
    private RebuildJobs jobs;
    private ReadModelShadows shadows;
    private Clock clock;
    private ProjectorLock lock;
    private ProjectionSegments segments;

    protected RebuildSteps() {
        // for CDI proxies
    }

    public RebuildSteps(EventStore store, ProjectionCheckpoints checkpoints, ProjectionErrors errors, RebuildJobs jobs,
                        ReadModelShadows shadows, Clock clock) {
        this(store, checkpoints, errors, jobs, shadows, clock, ProjectionSegments.SINGLE);
    }

    @Inject
    public RebuildSteps(EventStore store, ProjectionCheckpoints checkpoints, ProjectionErrors errors, RebuildJobs jobs,
                        ReadModelShadows shadows, Clock clock, ProjectionSegments segments) {
        this.segments = segments;
        this.store = store;
        this.checkpoints = checkpoints;
        this.errors = errors;
        this.jobs = jobs;
        this.shadows = shadows;
        this.clock = clock;
        this.lock = new ProjectorLock(checkpoints, segments);
    }

    /** The lock of a projector's rebuild job: one starts, builds or ends it at a time. */
    static String jobLock(Projector projector) {
        return projector.name() + "@rebuild";
    }

    /**
     * Records a running job and creates its empty shadow tables.
     *
     * @throws RebuildRunning if the projector has a running job
     * @throws ProjectorBusy if another start of the projector's rebuild held on
     */
    @Transactional
    public RebuildJob start(Projector projector) {
        return lock.whileHoldingKey(jobLock(projector), ProjectorLock.OPERATOR_WAIT, () -> {
            jobs.running(projector.name()).ifPresent(running -> {
                throw new RebuildRunning(running);
            });
            shadows.create(projector.tables());
            return jobs.start(projector.name(), store.eventCount(), clock.instant());
        }).orElseThrow(() -> new ProjectorBusy(projector.name()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RebuildJob> find(long id) {
        return jobs.find(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RebuildJob> jobs(String projector, int max) {
        return jobs.list(projector, max);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RebuildJob> running() {
        return jobs.running();
    }

    /**
     * Applies a batch read from the log (by the job's cursor) to the new read model and moves the
     * job's checkpoint past it, in one transaction. Events at or before the checkpoint are skipped.
     *
     * @return the job after the batch; a job no longer running, or asked to stop, is left as it is
     */
    @Transactional
    public RebuildJob apply(Projector projector, long jobId, List<RecordedEvent> batch) {
        RebuildJob job = runningJob(projector, jobId);
        if (!job.state().finished() && !job.cancelRequested()) {
            shadows.enter();
            applyAll(projector, job, batch);
            job = jobs.find(jobId).orElseThrow();
        }
        return job;
    }

    /**
     * Reads the next page of the log after the job's checkpoint and applies it to the new read
     * model: the events written since the job's cursor was opened.
     *
     * @return the number of events read (0: the job is at the head, stopped or asked to stop)
     */
    @Transactional
    public int catchUp(Projector projector, long jobId, int batchSize) {
        RebuildJob job = runningJob(projector, jobId);
        if (job.state().finished() || job.cancelRequested()) {
            return 0;
        }
        List<RecordedEvent> batch = store.readAll(job.checkpoint(), batchSize);
        shadows.enter();
        applyAll(projector, job, batch);
        return batch.size();
    }

    /** Builds the new read model's other indexes, after the bulk of its rows. */
    @Transactional
    public void index(Projector projector) {
        shadows.index(projector.tables());
    }

    /**
     * The last step, under the projector's lock (the live run pauses for it): applies what is left
     * of the log to the new read model, replaces the live tables by it, moves the checkpoint of
     * every segment of the projector to the job's and clears the errors of the replaced model. Queries wait for the
     * swap's commit and then read the new tables.
     *
     * @return the finished job; empty if the live run held the projector's lock for
     *         {@link ProjectorLock#OPERATOR_WAIT} (try again) or the job was asked to stop
     */
    @Transactional
    public Optional<RebuildJob> swap(Projector projector, long jobId, int batchSize) {
        return lock.whileHoldingAll(projector.name(), ProjectorLock.OPERATOR_WAIT, () -> {
            RebuildJob job = runningJob(projector, jobId);
            if (job.state().finished() || job.cancelRequested()) {
                return Optional.<RebuildJob>empty();
            }
            shadows.enter();
            Checkpoint at = job.checkpoint();
            while (true) {
                List<RecordedEvent> batch = store.readAll(at, batchSize);
                if (batch.isEmpty()) {
                    break;
                }
                applyAll(projector, job, batch);
                at = batch.get(batch.size() - 1).checkpoint();
            }
            shadows.leave();
            shadows.swap(projector.tables());
            for (String key : segments.keys(projector.name())) {
                checkpoints.save(key, at, clock.instant());
            }
            errors.clear(projector.name());
            jobs.finish(jobId, RebuildJob.State.DONE, null, clock.instant());
            return jobs.find(jobId);
        }).flatMap(done -> done);
    }

    /** Asks the job to stop; its runner drops the new read model at its next step. */
    @Transactional
    public boolean requestCancel(long jobId) {
        return jobs.requestCancel(jobId, clock.instant());
    }

    /** Ends the job without swapping: the new read model is dropped, the live one stays as it is. */
    @Transactional
    public RebuildJob abandon(Projector projector, long jobId, RebuildJob.State state, String error) {
        shadows.drop(projector.tables());
        jobs.finish(jobId, state, error, clock.instant());
        return jobs.find(jobId).orElseThrow();
    }

    /** Marks a job failed whose projector is gone (it has no tables to drop any more). */
    @Transactional
    public RebuildJob fail(long jobId, String error) {
        jobs.finish(jobId, RebuildJob.State.FAILED, error, clock.instant());
        return jobs.find(jobId).orElseThrow();
    }

    /**
     * Deletes one stream's rows and applies the stream's events again. Events the live run has not
     * reached yet are applied now and skipped later (rows remember their stream version).
     *
     * @return false if the projector stayed busy; try again
     */
    @Transactional
    public boolean rebuildStream(Projector projector, StreamId stream) {
        return lock.whileHolding(segments.of(projector.name(), stream), ProjectorLock.OPERATOR_WAIT, () -> {
            projector.reset(stream.tenantId(), stream.id());
            for (RecordedEvent event : store.load(stream)) {
                projector.apply(event);
            }
            return true;
        }).orElse(false);
    }

    /** The job, under its lock; a second runner of the same job finds it taken and stops. */
    private RebuildJob runningJob(Projector projector, long jobId) {
        if (!checkpoints.lock(jobLock(projector), Duration.ZERO)) {
            throw new ProjectorBusy(jobLock(projector));
        }
        return jobs.find(jobId).orElseThrow(() -> new IllegalStateException("No rebuild job " + jobId));
    }

    private void applyAll(Projector projector, RebuildJob job, List<RecordedEvent> batch) {
        Checkpoint after = job.checkpoint();
        List<RecordedEvent> fresh = batch.stream().filter(e -> e.checkpoint().isAfter(after)).toList();
        if (fresh.isEmpty()) {
            return;
        }
        projector.prepareNewModel(fresh);
        try {
            for (RecordedEvent event : fresh) {
                if (projector.handles(event)) {
                    try {
                        projector.apply(event);
                    } catch (RuntimeException failure) {
                        throw new RebuildFailed(event, failure);
                    }
                }
            }
            projector.batchApplied();
        } finally {
            projector.batchDone();
        }
        jobs.advance(job.id(), fresh.get(fresh.size() - 1).checkpoint(), fresh.size(), clock.instant());
    }

    /** A handler failed on an event while the new read model was built: the job stops, the live model stays. */
    public static class RebuildFailed extends RuntimeException {
        RebuildFailed(RecordedEvent event, RuntimeException cause) {
            super(event.eventType() + " " + event.stream() + " v" + event.streamVersion() + " at "
                    + event.checkpoint().transactionId() + "/" + event.checkpoint().position() + ": " + cause.getMessage(), cause);
        }
    }
}
