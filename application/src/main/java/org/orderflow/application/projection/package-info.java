/**
 * The read side's engine. A {@link org.orderflow.application.projection.Projector} declares the
 * event types it subscribes to with one handler each. Three sequencers drive them, each over
 * its own transactional steps, every step under the projector's lock ({@code ProjectorLock}):
 * the live run ({@link org.orderflow.application.projection.ProjectionRunner} over
 * {@link org.orderflow.application.projection.LiveBatches}) feeds every projector the global log
 * from its own gap-safe checkpoint and commits read-model changes and checkpoint together; the
 * failed-event lifecycle ({@link org.orderflow.application.projection.ProjectionRetries} over
 * {@link org.orderflow.application.projection.FailedEventSteps}); and blue/green rebuild jobs
 * ({@link org.orderflow.application.projection.ProjectionRebuild} over
 * {@link org.orderflow.application.projection.RebuildSteps}), which build a new read model in
 * shadow tables ({@link org.orderflow.application.projection.ReadModelShadows}) from one cursor
 * over the log and swap it in under the projector's lock.
 */
package org.orderflow.application.projection;
