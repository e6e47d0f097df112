package org.orderflow.domain;

/**
 * A business fact that has happened and can no longer be refused.
 *
 * <p>Each aggregate declares its own sealed family of events (for example
 * {@code OrderEvent}) that extends this marker. Events carry business facts only; the event id,
 * stream version and recording time belong to the event store's envelope.
 */
public interface DomainEvent {
}
