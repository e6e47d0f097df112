/**
 * The event store port: append-only streams with optimistic concurrency, and a gap-safe
 * global log that readers (projections, the outbox publisher) follow by checkpoint.
 * Domain events travel inside envelopes that carry identity, position, tenant and
 * metadata; the events themselves stay pure business facts.
 */
package org.orderflow.application.eventstore;
