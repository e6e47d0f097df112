package org.orderflow.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.orderflow.application.outbox.PublisherHealth;
import org.orderflow.application.outbox.OutboxPublisher;

/**
 * The outbox publisher in {@code /health/ready}. It stays UP while the broker is down: commands
 * are still accepted and stored, and the backlog is published when the broker is back — taking
 * the service out of rotation would only make that worse. The check's data say
 * {@code state: backing-off} with the error and the next attempt; alert on that (or on the
 * {@code orderflow_outbox_*} metrics), not on readiness.
 */
@Readiness
@ApplicationScoped
public class OutboxPublisherHealth implements HealthCheck {

    @Inject
    OutboxPublisher publisher;

    @Override
    public HealthCheckResponse call() {
        PublisherHealth.Snapshot health = publisher.health();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox-publisher").up()
                .withData("publisher", publisher.name())
                .withData("state", health.failing() ? "backing-off" : "publishing")
                .withData("published", health.published())
                .withData("consecutiveFailures", health.consecutiveFailures());
        // lastError is not shown: the probe is open, and /api/ops/outbox (operators) has it
        health.lastFailureAt().ifPresent(at -> response.withData("lastFailureAt", at.toString()));
        health.nextAttemptAt().ifPresent(at -> response.withData("nextAttemptAt", at.toString()));
        return response.build();
    }
}
