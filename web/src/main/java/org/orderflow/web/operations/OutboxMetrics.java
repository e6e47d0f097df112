package org.orderflow.web.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.Gauge;
import org.orderflow.application.outbox.OutboxPublisher;

/** The publisher as MicroProfile Metrics ({@code /metrics?scope=application}). */
@ApplicationScoped
public class OutboxMetrics {

    @Inject
    OutboxPublisher publisher;

    void registerAtStartup(@Observes Startup startup) {
        // nothing to do: being called instantiates the bean
    }

    @Gauge(name = "orderflow.outbox.published", unit = MetricUnits.NONE,
            description = "Events this server published to the topic since start")
    public long published() {
        return publisher.health().published();
    }

    @Gauge(name = "orderflow.outbox.failures.consecutive", unit = MetricUnits.NONE,
            description = "Publishing failures since the last success (0 = healthy)")
    public long consecutiveFailures() {
        return publisher.health().consecutiveFailures();
    }

    @Gauge(name = "orderflow.outbox.failures.total", unit = MetricUnits.NONE,
            description = "Publishing failures since start")
    public long totalFailures() {
        return publisher.health().totalFailures();
    }
}
