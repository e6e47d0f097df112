package org.orderflow.application.projection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.orderflow.application.eventstore.Checkpoint;

/** Rebuild jobs, durable. Joins the caller's transaction. */
public interface RebuildJobs {

    /** Records a running job for the projector, at the start of the log; the projector must have no running job. */
    RebuildJob start(String projector, long eventsTotal, Instant now);

    Optional<RebuildJob> find(long id);

    /** The projector's running job, if any. */
    Optional<RebuildJob> running(String projector);

    /** Every running job (to resume after a restart). */
    List<RebuildJob> running();

    /** The projector's jobs, newest first. */
    List<RebuildJob> list(String projector, int max);

    /** The job's new read model has reached {@code checkpoint}, {@code applied} more events done. */
    void advance(long id, Checkpoint checkpoint, long applied, Instant now);

    /** Asks a running job to stop; false if it is not running. */
    boolean requestCancel(long id, Instant now);

    void finish(long id, RebuildJob.State state, String error, Instant now);
}
