package org.orderflow.web.schedule;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orderflow.application.projection.ProjectionRebuild;
import org.orderflow.application.projection.RebuildJob;

/**
 * Runs rebuild jobs in the background, on the EJB container's asynchronous threads: a request
 * starts a job and answers 202 at once. Each job logs its progress at most every few seconds.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RebuildJobRunner {

    private static final Logger LOG = Logger.getLogger(RebuildJobRunner.class.getName());
    private static final long LOG_EVERY_NANOS = 5_000_000_000L;

    @Inject
    ProjectionRebuild rebuild;

    @Inject
    @ConfigProperty(name = "orderflow.projections.rebuild-batch-size", defaultValue = "5000")
    int batchSize;

    /** Builds the job's new read model and swaps it in; returns at once. */
    @Asynchronous
    public void run(long jobId) {
        long[] lastLog = {System.nanoTime()};
        RebuildJob done = rebuild.run(jobId, batchSize, job -> {
            if (System.nanoTime() - lastLog[0] >= LOG_EVERY_NANOS) {
                lastLog[0] = System.nanoTime();
                LOG.info(() -> String.format("Rebuild %d of %s: %,d/%,d events, %.0f events/s", job.id(), job.projector(),
                        job.eventsDone(), job.eventsTotal(), job.eventsPerSecond()));
            }
        });
        LOG.info(() -> String.format("Rebuild %d of %s %s: %,d events, %.0f events/s%s", done.id(), done.projector(),
                done.state().name().toLowerCase(java.util.Locale.ROOT), done.eventsDone(), done.eventsPerSecond(),
                done.error() == null ? "" : " (" + done.error() + ")"));
    }
}
