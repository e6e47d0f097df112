/** Projection checkpoints on PostgreSQL, with a transaction-scoped advisory lock per projector. */
package org.orderflow.persistence.projection;
