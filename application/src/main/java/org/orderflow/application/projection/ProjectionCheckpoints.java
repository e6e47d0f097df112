package org.orderflow.application.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.orderflow.application.eventstore.Checkpoint;

/** Where each projector is in the global log. Joins the caller's transaction. */
public interface ProjectionCheckpoints {

    /** A projector's position and when it last processed something. */
    record Position(String projector, Checkpoint checkpoint, Instant lastProcessedAt) {
    }

    /**
     * Takes the projector's transaction-scoped exclusive lock (released at commit or rollback) so
     * two runs of one projector — two timer firings, a rebuild, another server — never
     * interleave. If another transaction holds it, waits at most {@code wait} (zero: not at all)
     * and returns false when that ran out; the transaction stays usable either way.
     */
    boolean lock(String projector, Duration wait);

    /** The projector's checkpoint; {@link Checkpoint#START} if it never ran. */
    Checkpoint checkpoint(String projector);

    void save(String projector, Checkpoint checkpoint, Instant processedAt);

    /**
     * Whether the projector has processed the event at this global position. A position without
     * an event counts as passed below the head of the log (a gap) and as not passed beyond it.
     */
    boolean hasPassed(String projector, long position);

    Optional<Position> find(String projector);

    /** How far behind the head of the log a projector is: events not yet processed, and the age of the oldest. */
    record Lag(long events, Duration time) {
    }

    Lag lag(String projector);
}
