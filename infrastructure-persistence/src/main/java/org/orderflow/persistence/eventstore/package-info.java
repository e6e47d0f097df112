/**
 * The PostgreSQL event store: a JPA entity per stored event, written through Hibernate with
 * sequence-assigned positions (so inserts batch), and a gap-safe global reader that follows
 * (transaction id, position) checkpoints below the current snapshot's xmin.
 */
package org.orderflow.persistence.eventstore;
