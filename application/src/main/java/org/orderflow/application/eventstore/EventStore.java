package org.orderflow.application.eventstore;

import java.util.List;
import java.util.Optional;

/**
 * The append-only store of every stream's events, and the global log over all of them.
 *
 * <p>Every operation joins the caller's transaction: the events of one command are appended in
 * the command's transaction and become visible together, or not at all.
 */
public interface EventStore {

    /**
     * Appends events to a stream, numbering them from the stream's current version + 1.
     *
     * @throws ConcurrencyConflict when the stream is not at the expected version, or when a
     *         concurrent transaction appended at the same version (detected when the events are
     *         flushed, before commit). Nothing is stored then.
     * @throws IllegalArgumentException when {@code events} is empty or an event type is not registered
     */
    AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events);

    /**
     * Serialises the writers of one stream: waits until no other transaction holds the stream,
     * then holds it until the current transaction ends (commit or rollback). Commands take it
     * before they load their aggregate, so concurrent commands on one aggregate — on this server
     * or another — run one after the other instead of racing; the expected-version check of
     * {@link #append} stays the guarantee for writers that do not lock. Lock one stream per
     * transaction (two would risk a deadlock).
     *
     * @throws ConcurrencyConflict when the stream stays held longer than the store's lock timeout
     *         (a queue of writers on one hot stream); the caller may retry like any lost race
     */
    void lockStream(StreamId stream);

    /**
     * At most {@code maxCount} of the stream's events with a version greater than
     * {@code afterVersion}, in version order; empty if none. A stream is identified by tenant,
     * type and id: the id of another type's stream reads as empty.
     */
    List<RecordedEvent> load(StreamId stream, long afterVersion, int maxCount);

    /** The stream's events with a version greater than {@code afterVersion}, in version order; empty if none. */
    default List<RecordedEvent> load(StreamId stream, long afterVersion) {
        return load(stream, afterVersion, Integer.MAX_VALUE);
    }

    /** The stream's events in version order; empty if the stream does not exist. */
    default List<RecordedEvent> load(StreamId stream) {
        return load(stream, 0);
    }

    /** The stream's current version: the version of its last event, 0 if it has none (or is of another type). */
    long currentVersion(StreamId stream);

    /**
     * Every stream of every tenant and type, in (tenant, id) order, after {@code after} (null:
     * from the start), at most {@code limit}: for jobs that walk all streams.
     */
    List<StreamId> streams(StreamId after, int limit);

    /** How many streams exist, over all tenants and types. */
    long streamCount();

    /** How many events the log holds, over all tenants. */
    long eventCount();

    /**
     * Reads the global log forward: at most {@code maxCount} events that come after
     * {@code after} in (transaction id, position) order. Only events of transactions that no
     * running transaction can precede are returned, so an event committed late is never
     * skipped: a reader that continues from the last returned event's checkpoint sees every
     * committed event exactly once, without global locks or gap timeouts.
     */
    List<RecordedEvent> readAll(Checkpoint after, int maxCount);

    /**
     * The events one request set in motion, across streams: those whose metadata carries
     * {@code correlationId}, in log position order after {@code afterPosition}, at most
     * {@code limit}; only {@code tenant}'s when one is given (an operator's scope), every
     * tenant's otherwise. For diagnosis, not for processing: it reads what is committed now and
     * makes no gap-safety promise.
     */
    List<RecordedEvent> correlated(String correlationId, Optional<String> tenant, long afterPosition, int limit);
}
