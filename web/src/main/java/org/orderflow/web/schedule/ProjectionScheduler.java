package org.orderflow.web.schedule;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orderflow.application.projection.ProjectionRetries;
import org.orderflow.application.projection.ProjectionRunner;
import org.orderflow.application.projection.Projector;
import org.orderflow.application.projection.Projectors;

/**
 * Triggers the projections on two non-persistent interval timers: the live run (every projector
 * up to the head of the log, {@code ProjectionRunner.runAll}) and the retries of failed events
 * whose backoff has expired ({@code ProjectionRetries.runScheduled}). The policy lives in those
 * classes; the singleton's write lock keeps firings from overlapping.
 */
@Singleton
@Startup
@DependsOn("DatabaseBootstrap")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProjectionScheduler {

    private static final Logger LOG = Logger.getLogger(ProjectionScheduler.class.getName());
    private static final String LIVE = "projections";
    private static final String RETRIES = "projection-retries";
    /** Bounds one firing so a long backlog does not starve the other projectors. */
    private static final int MAX_BATCHES_PER_FIRING = 50;
    private static final int RETRIES_PER_FIRING = 100;

    @Resource
    TimerService timers;

    @Inject
    Projectors projectors;

    @Inject
    ProjectionRunner runner;

    @Inject
    ProjectionRetries retries;

    @Inject
    @ConfigProperty(name = "orderflow.projections.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "orderflow.projections.poll-interval-ms", defaultValue = "200")
    long intervalMillis;

    @Inject
    @ConfigProperty(name = "orderflow.projections.retry-scan-ms", defaultValue = "5000")
    long retryScanMillis;

    @Inject
    @ConfigProperty(name = "orderflow.projections.batch-size", defaultValue = "500")
    int batchSize;

    @PostConstruct
    void start() {
        if (enabled) {
            timers.createIntervalTimer(intervalMillis, intervalMillis, new TimerConfig(LIVE, false));
            timers.createIntervalTimer(retryScanMillis, retryScanMillis, new TimerConfig(RETRIES, false));
            LOG.info(() -> "Projections every " + intervalMillis + " ms, batches of " + batchSize + ", retries looked for every "
                    + retryScanMillis + " ms: " + projectors.all().stream().map(Projector::name).toList());
        }
    }

    @Timeout
    void fire(Timer timer) {
        if (RETRIES.equals(timer.getInfo())) {
            retries.runScheduled(RETRIES_PER_FIRING);
        } else {
            runner.runAll(batchSize, MAX_BATCHES_PER_FIRING);
        }
    }
}
