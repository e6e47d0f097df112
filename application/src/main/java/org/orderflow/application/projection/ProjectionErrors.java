package org.orderflow.application.projection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.application.eventstore.StreamId;

/**
 * Failed projection events and the events parked behind them. A stream with an open error
 * (pending retry or dead) is blocked for that projector: its later events are parked in order
 * instead of applied, so the read model never applies a stream out of order. Joins the
 * caller's transaction.
 */
public interface ProjectionErrors {

    enum Status { RETRY_PENDING, DEAD, RESOLVED, SKIPPED }

    /** One failed event of one projector. */
    record Failure(long id, String projector, StreamId stream, long streamVersion, long position, String eventType,
                   String message, String stackSummary, int retryCount, Instant nextRetryAt, Status status,
                   Instant createdAt, Instant updatedAt, String resolvedBy, String resolution, int parked) {
    }

    /** Streams of the projector whose new events must be parked: an open error, or events already parked. */
    Set<StreamId> blockedStreams(String projector);

    /**
     * An open error that keeps an event at or before a global position out of the projector's
     * read model: the failed event itself, or the error that its stream's events are parked
     * behind. Read-your-writes asks this once the checkpoint has passed the position.
     */
    record Unapplied(StreamId stream, long streamVersion, long position, Status status, Instant nextRetryAt) {
    }

    /**
     * The first event of the tenant (of one stream of it, when {@code streamId} is given) at or
     * before {@code position} that the projector has not applied: it failed (open error), or it
     * is parked behind a failure — also while a closed error's parked events are being released.
     */
    Optional<Unapplied> firstUnappliedUpTo(String projector, String tenantId, String streamId, long position);

    /** Whether the stream has an open (pending or dead) error for the projector. */
    boolean hasOpenError(String projector, StreamId stream);

    /** Forgets every error and parked event of the projector (its read model is being rebuilt). */
    void clear(String projector);

    /** Records a failure of {@code event}; returns its id. */
    long record(String projector, RecordedEvent event, Throwable error, Instant nextRetryAt, Instant now);

    /** Parks an event behind its stream's open error. */
    void park(String projector, RecordedEvent event);

    /** A projector's stream with parked events. */
    record ParkedStream(String projector, StreamId stream) {
    }

    /**
     * Streams with parked events but no open error: their error was closed but the release of the
     * parked events was cut short (the projector stayed busy, the server stopped). Up to {@code limit}.
     */
    List<ParkedStream> strandedParkedStreams(int limit);

    /** The parked events of a stream (their stream versions), oldest first. */
    List<Long> parkedVersions(String projector, StreamId stream);

    void unpark(String projector, StreamId stream, long streamVersion);

    /** Open errors whose retry is due. */
    List<Failure> due(Instant now, int limit);

    Optional<Failure> find(long id);

    /** Newest first; a null projector or status matches any. */
    default List<Failure> list(String projector, Status status, int limit) {
        return list(projector, status, Optional.empty(), limit);
    }

    /** The same, of one tenant's streams only when {@code tenant} is given. */
    List<Failure> list(String projector, Status status, Optional<String> tenant, int limit);

    /** A retry failed again: count it and schedule the next one, or make it dead ({@code nextRetryAt} null). */
    void retryFailed(long id, int retryCount, Instant nextRetryAt, String message, Instant now);

    /** Closes an error (resolved by a successful retry, or skipped by an operator). */
    void close(long id, Status status, String by, String note, Instant now);
}
