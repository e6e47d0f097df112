package org.orderflow.application.projection;

import org.orderflow.application.eventstore.StreamId;

/**
 * One part of a projector's work: the streams whose hash falls into {@code index} of {@code count}.
 * Each segment has its own checkpoint and lock, so several servers apply one projector in parallel
 * while every stream — always in the same segment — is applied in order by one of them at a time.
 * A projector of one segment is the projector itself (its key is its name, as before segments).
 *
 * @param projector the projector's name
 * @param index     0 … count - 1
 * @param count     how many segments the projector is split into
 */
public record Segment(String projector, int index, int count) {

    public Segment {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("segment " + index + " of " + count);
        }
    }

    /** The whole projector, unsplit. */
    public static Segment whole(String projector) {
        return new Segment(projector, 0, 1);
    }

    /** Its checkpoint's and lock's name: the projector's for one segment, {@code name#index/count} otherwise. */
    public String key() {
        return count == 1 ? projector : projector + "#" + index + "/" + count;
    }

    /** Whether the stream's events are this segment's (a stable hash of the stream, the same on every server). */
    public boolean contains(StreamId stream) {
        return count == 1 || indexOf(stream, count) == index;
    }

    static int indexOf(StreamId stream, int count) {
        // String.hashCode is specified (s[0]*31^(n-1) + ... + s[n-1]), so every JVM agrees
        return Math.floorMod(stream.toString().hashCode(), count);
    }

    @Override
    public String toString() {
        return key();
    }
}
