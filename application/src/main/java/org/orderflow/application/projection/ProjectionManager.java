package org.orderflow.application.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.orderflow.application.eventstore.Checkpoint;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.application.eventstore.RecordedEvent;

/**
 * Runs projectors over the global log. One batch of one projector is one transaction: lock the
 * projector, read the log after its checkpoint (gap-safe), apply the events it subscribes to,
 * advance the checkpoint — so a crash never applies an event twice or skips one.
 */
@ApplicationScoped
public class ProjectionManager {

    /** What one batch did: events read from the log (0 = caught up), and whether the projector was busy. */
    public record BatchResult(int eventsRead, boolean locked) {
    }

    private List<Projector> projectors;
    private EventStore store;
    private ProjectionCheckpoints checkpoints;
    private Clock clock;

    protected ProjectionManager() {
        // for CDI proxies
    }

    @Inject
    public ProjectionManager(@Any Instance<Projector> projectors, EventStore store, ProjectionCheckpoints checkpoints,
                             Clock clock) {
        this(projectors.stream().toList(), store, checkpoints, clock);
    }

    public ProjectionManager(List<Projector> projectors, EventStore store, ProjectionCheckpoints checkpoints,
                             Clock clock) {
        this.projectors = List.copyOf(projectors);
        this.store = store;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    public List<Projector> projectors() {
        return projectors;
    }

    public Optional<Projector> projector(String name) {
        return projectors.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Processes at most {@code batchSize} events of the log for one projector, in one transaction. */
    @Transactional
    public BatchResult runBatch(Projector projector, int batchSize) {
        if (!checkpoints.tryLock(projector.name())) {
            return new BatchResult(0, false);
        }
        Checkpoint checkpoint = checkpoints.checkpoint(projector.name());
        List<RecordedEvent> batch = store.readAll(checkpoint, batchSize);
        if (batch.isEmpty()) {
            return new BatchResult(0, true);
        }
        for (RecordedEvent event : batch) {
            projector.apply(event);
        }
        checkpoints.save(projector.name(), batch.get(batch.size() - 1).checkpoint(), clock.instant());
        return new BatchResult(batch.size(), true);
    }

    /** Empties the projector's read model and moves its checkpoint back to the start, atomically. */
    @Transactional
    public boolean reset(Projector projector) {
        if (!checkpoints.tryLock(projector.name())) {
            return false;
        }
        projector.reset();
        checkpoints.save(projector.name(), Checkpoint.START, clock.instant());
        return true;
    }
}
