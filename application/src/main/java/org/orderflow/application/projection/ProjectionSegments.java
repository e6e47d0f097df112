package org.orderflow.application.projection;

import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import org.orderflow.application.eventstore.StreamId;

/**
 * How many segments each projector is split into (configuration: {@code orderflow.projections.segments}
 * and {@code orderflow.projections.<name>.segments}). One — the default — is the unsplit projector of a
 * single server; a deployment of several servers splits its read models so the servers share the work.
 */
public final class ProjectionSegments {

    /** Every projector in one segment. */
    public static final ProjectionSegments SINGLE = new ProjectionSegments(name -> 1);

    private final ToIntFunction<String> counts;

    /** @param counts the segment count of a projector, by name (at least 1) */
    public ProjectionSegments(ToIntFunction<String> counts) {
        this.counts = counts;
    }

    public int count(String projector) {
        return Math.max(1, counts.applyAsInt(projector));
    }

    /** The projector's segments, in index order (the order in which an operator's step locks them). */
    public List<Segment> of(String projector) {
        int count = count(projector);
        return IntStream.range(0, count).mapToObj(i -> new Segment(projector, i, count)).toList();
    }

    /** The segment that applies the stream's events. */
    public Segment of(String projector, StreamId stream) {
        int count = count(projector);
        return new Segment(projector, Segment.indexOf(stream, count), count);
    }

    /** The checkpoint keys of the projector's segments. */
    public List<String> keys(String projector) {
        return of(projector).stream().map(Segment::key).toList();
    }
}
