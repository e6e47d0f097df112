package org.orderflow.application.snapshot;

/**
 * When to take a snapshot: every {@code interval(type)} events of a stream (0 = never). A
 * command that moves a stream across a multiple of the interval takes one of the state right
 * after its events, inside the command's transaction.
 */
@FunctionalInterface
public interface SnapshotPolicy {

    SnapshotPolicy NEVER = streamType -> 0;

    int interval(String streamType);

    /** Whether going from {@code fromVersion} to {@code toVersion} crosses a multiple of the interval. */
    default boolean due(String streamType, long fromVersion, long toVersion) {
        int every = interval(streamType);
        return every > 0 && toVersion / every > fromVersion / every;
    }
}
