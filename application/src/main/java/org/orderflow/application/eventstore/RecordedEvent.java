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
 * @param eventType     the stable type name from the registry
 * @param schemaVersion the schema version it is stored in (current after upcasting)
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
