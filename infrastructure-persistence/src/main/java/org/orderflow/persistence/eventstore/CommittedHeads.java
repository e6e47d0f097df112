package org.orderflow.persistence.eventstore;

import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.engine.spi.SessionImplementor;
import org.orderflow.application.eventstore.StreamId;

/**
 * What this process knows to be in the log: per stream, the highest version seen committed. The
 * log is append-only (a trigger refuses updates and deletes) and has no gaps, so a version once
 * committed stays, and every version below it exists: the knowledge can be incomplete or
 * behind, never wrong. {@link JpaEventStore} uses it to append after a version it knows without
 * reading the stream's head first — the new events follow a version that exists (no gap), and the
 * unique index refuses them if another writer got there first.
 *
 * <p>Versions are learnt only from transactions that committed: an append or a load registers
 * what it wrote or saw with the transaction, and it counts once the transaction has committed
 * (a rolled-back append teaches nothing). Bounded: past {@code capacity} streams the map starts
 * over, which costs the next append of a forgotten stream one read of its head.
 */
public final class CommittedHeads {

    /** Streams remembered before the map starts over (an entry is ~200 bytes: 100k ≈ 20 MB). */
    public static final int DEFAULT_CAPACITY = 100_000;

    private record Key(String tenantId, String streamId) {
    }

    private final ConcurrentHashMap<Key, Long> heads = new ConcurrentHashMap<>();
    private final int capacity;

    public CommittedHeads() {
        this(DEFAULT_CAPACITY);
    }

    public CommittedHeads(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1");
        }
        this.capacity = capacity;
    }

    /** Whether the stream is known to hold {@code version} (every stream "holds" version 0). */
    public boolean holds(StreamId stream, long version) {
        if (version == 0) {
            return true;
        }
        Long head = heads.get(key(stream));
        return head != null && head >= version;
    }

    /** Remembers that the stream holds {@code version} once the session's transaction commits. */
    void learnAtCommit(SessionImplementor session, StreamId stream, long version) {
        if (version < 1 || holds(stream, version)) {
            return;
        }
        session.getActionQueue().registerProcess((committed, ignored) -> {
            if (committed) {
                learn(stream, version);
            }
        });
    }

    /** Remembers that the stream holds {@code version}: only for a version known to be committed. */
    void learn(StreamId stream, long version) {
        if (heads.size() >= capacity) {
            heads.clear();
        }
        heads.merge(key(stream), version, Math::max);
    }

    /** The number of streams remembered now. */
    public int size() {
        return heads.size();
    }

    private static Key key(StreamId stream) {
        // the unique (tenant, stream id, version) index is what numbers a stream: the type is not part of it
        return new Key(stream.tenantId(), stream.id());
    }
}
