package org.orderflow.application.eventstore;

import java.util.Objects;
import java.util.UUID;
import org.orderflow.domain.DomainEvent;

/** An event about to be appended: its id (chosen by the writer, for idempotency), the fact, its metadata. */
public record NewEvent(UUID eventId, DomainEvent event, EventMetadata metadata) {

    public NewEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(event, "event");
        metadata = metadata == null ? EventMetadata.EMPTY : metadata;
    }
}
