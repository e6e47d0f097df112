package org.orderflow.web.schedule;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orderflow.application.projection.ProjectionManager;
import org.orderflow.application.projection.ProjectionRetries;
import org.orderflow.application.projection.ProjectionRunner;
import org.orderflow.application.projection.Projector;

/**
 * Runs the projections on a non-persistent interval timer: each firing brings every projector up
 * to the head of the log, batch by batch (each batch its own transaction; a failing event is
 * recorded and its stream parked, see {@code ProjectionRunner}), and every few seconds retries
 * the failed events whose backoff has expired.
 */
@Singleton
@Startup
@DependsOn("DatabaseBootstrap")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProjectionScheduler {

    private static final Logger LOG = Logger.getLogger(ProjectionScheduler.class.getName());
    /** Bounds one firing so a long backlog does not starve the other projectors. */
    private static final int MAX_BATCHES_PER_FIRING = 50;

    @Resource
    TimerService timers;

    @Inject
    ProjectionManager manager;

    @Inject
    ProjectionRunner runner;

    @Inject
    ProjectionRetries retries;

    /** Due retries are looked for every few seconds, not on every firing. */
    @Inject
    @ConfigProperty(name = "orderflow.projections.retry-scan-ms", defaultValue = "5000")
    long retryScanMillis;

    private long nextRetryScan;

    @Inject
    @ConfigProperty(name = "orderflow.projections.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "orderflow.projections.poll-interval-ms", defaultValue = "200")
    long intervalMillis;

    @Inject
    @ConfigProperty(name = "orderflow.projections.batch-size", defaultValue = "500")
    int batchSize;

    @PostConstruct
    void start() {
        if (enabled) {
            timers.createIntervalTimer(intervalMillis, intervalMillis, new TimerConfig("projections", false));
            LOG.info(() -> "Projections every " + intervalMillis + " ms, batches of " + batchSize + ": "
                    + manager.projectors().stream().map(Projector::name).toList());
        }
    }

    @Timeout
    void run() {
        for (Projector projector : manager.projectors()) {
            try {
                runner.catchUp(projector, batchSize, MAX_BATCHES_PER_FIRING);
            } catch (RuntimeException e) {
                // e.g. the database is down: the projector stays at its checkpoint, the next firing tries again
                LOG.log(Level.WARNING, "Projector " + projector.name() + " could not run", e);
            }
        }
        if (System.nanoTime() >= nextRetryScan) {
            nextRetryScan = System.nanoTime() + retryScanMillis * 1_000_000;
            try {
                retries.runDue(100);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Projection retries could not run", e);
            }
        }
    }
}
