package org.orderflow.application.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.orderflow.application.eventstore.Checkpoint;

/** What operators and readers ask of the projections: where they are, and have they passed a position. */
@ApplicationScoped
public class ProjectionStatus {

    /**
     * One projector's state: checkpoint, last run, and how far behind the head of the log it is — its
     * slowest segment's — and each segment's (one, unless the projector is split).
     */
    public record State(String projector, Checkpoint checkpoint, Instant lastProcessedAt, long lagEvents,
                        Duration lagTime, List<SegmentState> segments) {
    }

    /** One segment: its key, checkpoint, last run, the server that ran it last and its lag. */
    public record SegmentState(String key, Checkpoint checkpoint, Instant lastProcessedAt, String owner, long lagEvents,
                               Duration lagTime) {
    }

    /** Whether the read models a reader needs reflect a position. */
    public sealed interface Passage {
        /** Every event up to the position is applied. */
        record Passed() implements Passage {
        }

        /** The projectors have not got there within the wait. */
        record NotYet() implements Passage {
        }

        /**
         * The checkpoint passed the position, but an event up to it failed (or is parked behind a
         * failure): the read model does not show it, and waiting will not change that before the
         * error's next retry (or an operator's action, when it is dead).
         */
        record Blocked(String projector, ProjectionErrors.Unapplied unapplied) implements Passage {
        }
    }

    private ProjectionCheckpoints checkpoints;
    private Projectors projectors;
    private ProjectionErrors errors;
    private ProjectionSegments segments;

    protected ProjectionStatus() {
        // for CDI proxies
    }

    public ProjectionStatus(ProjectionCheckpoints checkpoints, Projectors projectors, ProjectionErrors errors) {
        this(checkpoints, projectors, errors, ProjectionSegments.SINGLE);
    }

    @Inject
    public ProjectionStatus(ProjectionCheckpoints checkpoints, Projectors projectors, ProjectionErrors errors,
                            ProjectionSegments segments) {
        this.checkpoints = checkpoints;
        this.projectors = projectors;
        this.errors = errors;
        this.segments = segments;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<State> all() {
        return projectors.all().stream().map(p -> {
            List<SegmentState> parts = segments.keys(p.name()).stream().map(key -> {
                var lag = checkpoints.lag(key);
                var position = checkpoints.find(key);
                return new SegmentState(key, position.map(ProjectionCheckpoints.Position::checkpoint).orElse(Checkpoint.START),
                        position.map(ProjectionCheckpoints.Position::lastProcessedAt).orElse(null),
                        position.map(ProjectionCheckpoints.Position::owner).orElse(null), lag.events(), lag.time());
            }).toList();
            SegmentState slowest = parts.stream().min(Comparator.comparing(SegmentState::checkpoint)).orElseThrow();
            Instant last = parts.stream().map(SegmentState::lastProcessedAt).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            return new State(p.name(), slowest.checkpoint(), last, slowest.lagEvents(),
                    parts.stream().map(SegmentState::lagTime).max(Comparator.naturalOrder()).orElse(Duration.ZERO), parts);
        }).toList();
    }

    /**
     * Waits until every named projector has processed the event at {@code position} — as far as
     * the tenant's rows (one stream's, when {@code streamId} is given) are concerned — polling
     * every {@code pollEvery}, for at most {@code timeout}: read-your-writes for clients that send
     * the position a command answered. "Processed" means applied: an event that failed, or is
     * parked behind a failure, at or before the position makes the answer {@link Passage.Blocked},
     * never a stale pass.
     */
    public Passage awaitPassed(Collection<String> projectors, String tenantId, String streamId, long position, Duration timeout,
                               Duration pollEvery) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (projectors.stream().flatMap(p -> segments.keys(p).stream()).allMatch(key -> checkpoints.hasPassed(key, position))) {
                Passage passage = new Passage.Passed();
                for (String projector : projectors) {
                    var unapplied = errors.firstUnappliedUpTo(projector, tenantId, streamId, position);
                    if (unapplied.isPresent() && unapplied.get().status() == ProjectionErrors.Status.RESOLVED) {
                        passage = new Passage.NotYet(); // its error is closed, the parked events are being released
                    } else if (unapplied.isPresent()) {
                        return new Passage.Blocked(projector, unapplied.get());
                    }
                }
                if (passage instanceof Passage.Passed) {
                    return passage;
                }
            }
            if (System.nanoTime() >= deadline) {
                return new Passage.NotYet();
            }
            try {
                Thread.sleep(pollEvery.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Passage.NotYet();
            }
        }
    }
}
