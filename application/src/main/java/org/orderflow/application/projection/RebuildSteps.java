package org.orderflow.application.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.orderflow.application.eventstore.Checkpoint;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.application.eventstore.StreamId;

/** The transactional steps of a rebuild, which {@link ProjectionRebuild} sequences; each holds the projector's lock. */
@ApplicationScoped
public class RebuildSteps {

    private EventStore store;
    private ProjectionCheckpoints checkpoints;
    private ProjectionErrors errors;
    private Clock clock;
    private ProjectorLock lock;

    protected RebuildSteps() {
        // for CDI proxies
    }

    @Inject
    public RebuildSteps(EventStore store, ProjectionCheckpoints checkpoints, ProjectionErrors errors, Clock clock) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.errors = errors;
        this.clock = clock;
        this.lock = new ProjectorLock(checkpoints);
    }

    /**
     * Empties the projector's read model and moves its checkpoint back to the start, atomically.
     *
     * @return how many events the projector now has to replay, or -1 if it stayed busy
     */
    @Transactional
    public long reset(Projector projector) {
        return lock.whileHolding(projector.name(), ProjectorLock.OPERATOR_WAIT, () -> {
            projector.reset();
            errors.clear(projector.name());
            checkpoints.save(projector.name(), Checkpoint.START, clock.instant());
            return checkpoints.lag(projector.name()).events();
        }).orElse(-1L);
    }

    /**
     * Deletes one stream's rows and applies the stream's events again. Events the live run has not
     * reached yet are applied now and skipped later (rows remember their stream version).
     *
     * @return false if the projector stayed busy; try again
     */
    @Transactional
    public boolean rebuildStream(Projector projector, StreamId stream) {
        return lock.whileHolding(projector.name(), ProjectorLock.OPERATOR_WAIT, () -> {
            projector.reset(stream.tenantId(), stream.id());
            for (RecordedEvent event : store.load(stream)) {
                projector.apply(event);
            }
            return true;
        }).orElse(false);
    }
}
