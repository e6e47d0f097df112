package org.orderflow.application.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.orderflow.application.eventstore.Checkpoint;

/** Where each projector is in the global log. Joins the caller's transaction. */
public interface ProjectionCheckpoints {

    /**
     * A projector's (or a segment's) position, when it last processed something, and the server that
     * did (the node name of {@code orderflow.node.name}; null if unknown).
     */
    record Position(String projector, Checkpoint checkpoint, Instant lastProcessedAt, String owner) {
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

    /** Moves the checkpoint (of a projector or one of its segments, by {@link Segment#key()}); records this server as its last owner. */
    void save(String projector, Checkpoint checkpoint, Instant processedAt);

    /**
     * Creates the checkpoints among {@code keys} (a projector's segments) that do not exist yet, at the
     * earliest checkpoint the projector has under any key — its own or an earlier segmentation's — so a
     * projector split anew (or split differently) goes on from where its slowest part stood instead of
     * from the start (the events in between are applied again, which handlers take as no-ops).
     */
    void initialize(String projector, List<String> keys, Instant at);

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
