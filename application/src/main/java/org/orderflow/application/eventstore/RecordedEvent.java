package org.orderflow.application.eventstore;

import java.time.Instant;
import java.util.UUID;
import org.orderflow.domain.DomainEvent;

/**
 * A stored event with its envelope.
 *
 * @param position      global position, unique and increasing within one writing transaction
 * @param transactionId the PostgreSQL transaction that wrote it; with the position it orders the global log
 * @param eventId       the writer-chosen unique id
 * @param stream        the stream it belongs to
 * @param streamVersion its version within the stream, 1 for the first event
 * @param eventType     the type's current stable name (a renamed type's events report the new name)
 * @param schemaVersion the schema version it was stored in; {@code event} is always the current version
 * @param event         the business fact
 * @param metadata      correlation, causation, user, source, trace
 * @param recordedAt    when it was appended
 */
public record RecordedEvent(
        long position,
        long transactionId,
        UUID eventId,
        StreamId stream,
        long streamVersion,
        String eventType,
        int schemaVersion,
        DomainEvent event,
        EventMetadata metadata,
        Instant recordedAt) {

    public Checkpoint checkpoint() {
        return new Checkpoint(transactionId, position);
    }
}
