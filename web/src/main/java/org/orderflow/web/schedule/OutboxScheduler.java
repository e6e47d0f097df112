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
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orderflow.application.outbox.OutboxPublisher;

/**
 * Runs the outbox's polling publisher on a non-persistent interval timer. The singleton's
 * default write lock keeps firings of this server from overlapping (a late firing is skipped,
 * not queued); the publisher's database lock does the same across servers.
 */
@Singleton
@Startup
@DependsOn("DatabaseBootstrap")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxScheduler {

    private static final Logger LOG = Logger.getLogger(OutboxScheduler.class.getName());

    @Resource
    TimerService timers;

    @Inject
    OutboxPublisher publisher;

    @Inject
    @ConfigProperty(name = "orderflow.outbox.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "orderflow.outbox.poll-interval-ms", defaultValue = "100")
    long intervalMillis;

    @PostConstruct
    void start() {
        if (enabled) {
            timers.createIntervalTimer(intervalMillis, intervalMillis, new TimerConfig("outbox", false));
            LOG.info(() -> "Outbox publisher " + publisher.name() + " every " + intervalMillis + " ms");
        } else {
            LOG.info("Outbox publisher disabled on this server (orderflow.outbox.enabled=false)");
        }
    }

    @Timeout
    void publish() {
        publisher.publishAvailable();
    }
}
