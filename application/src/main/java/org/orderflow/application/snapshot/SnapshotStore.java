package org.orderflow.application.snapshot;

import java.util.List;
import java.util.Optional;
import org.orderflow.application.eventstore.StreamId;

/**
 * Stores the latest snapshot of each stream. Joins the caller's transaction.
 */
public interface SnapshotStore {

    /** A snapshot and the stream version (and global position) it reflects. */
    record Snapshot<S>(S state, long streamVersion, long lastPosition) {
    }

    /** Per stream type: how many snapshots, how far they reach, and how many were ignored since start. */
    record Stats(String streamType, long count, long maxStreamVersion, long ignoredStale, long ignoredUnreadable) {
    }

    /**
     * The stream's snapshot if it is in {@code schemaVersion} and readable as {@code form};
     * otherwise empty, and the ignored snapshot is counted (stale or unreadable).
     */
    <S> Optional<Snapshot<S>> load(StreamId stream, Class<S> form, int schemaVersion);

    /** Saves a snapshot unless the stored one is already at the same or a later version. */
    void save(StreamId stream, int schemaVersion, Snapshot<?> snapshot);

    /** Deletes every snapshot of a stream type (forces re-snapshotting); returns how many. */
    int deleteAll(String streamType);

    List<Stats> stats();
}
