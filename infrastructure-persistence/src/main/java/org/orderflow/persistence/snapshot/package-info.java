/** The snapshot store on PostgreSQL: one row per stream, upserted only forward, read leniently. */
package org.orderflow.persistence.snapshot;
