package org.orderflow.application.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.orderflow.application.eventstore.Checkpoint;

/** What operators and readers ask of the projections: where they are, and have they passed a position. */
@ApplicationScoped
public class ProjectionStatus {

    /** One projector's state: checkpoint, last run, and how far behind the head of the log it is. */
    public record State(String projector, Checkpoint checkpoint, Instant lastProcessedAt, long lagEvents,
                        Duration lagTime) {
    }

    private ProjectionCheckpoints checkpoints;
    private ProjectionManager manager;

    protected ProjectionStatus() {
        // for CDI proxies
    }

    @Inject
    public ProjectionStatus(ProjectionCheckpoints checkpoints, ProjectionManager manager) {
        this.checkpoints = checkpoints;
        this.manager = manager;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<State> all() {
        return manager.projectors().stream().map(p -> {
            var lag = checkpoints.lag(p.name());
            var position = checkpoints.find(p.name());
            return new State(p.name(), position.map(ProjectionCheckpoints.Position::checkpoint).orElse(Checkpoint.START),
                    position.map(ProjectionCheckpoints.Position::lastProcessedAt).orElse(null), lag.events(), lag.time());
        }).toList();
    }

    /**
     * Waits until every named projector has processed the event at {@code position}, polling
     * every {@code pollEvery}, for at most {@code timeout}. Read-your-writes for clients that
     * send the position a command answered.
     */
    public boolean awaitPassed(Collection<String> projectors, long position, Duration timeout, Duration pollEvery) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (projectors.stream().allMatch(p -> checkpoints.hasPassed(p, position))) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(pollEvery.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
