/**
 * The read side's engine. A {@link org.orderflow.application.projection.Projector} declares the
 * event types it subscribes to with one handler each; the
 * {@link org.orderflow.application.projection.ProjectionManager} feeds every projector the
 * global log from its own gap-safe checkpoint, in batches, and commits the read-model changes
 * and the checkpoint advance in one transaction.
 */
package org.orderflow.application.projection;
