package org.orderflow.application.outbox;

import org.orderflow.application.eventstore.Checkpoint;

/** An event waiting to be published, with its place in the global log. */
public record OutboxRecord(Checkpoint checkpoint, IntegrationEvent message) {
}
