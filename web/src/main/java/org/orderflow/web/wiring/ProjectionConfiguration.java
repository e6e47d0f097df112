package org.orderflow.web.wiring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orderflow.application.projection.RetrySchedule;

/** Projection settings from MicroProfile Config. */
@ApplicationScoped
public class ProjectionConfiguration {

    @Inject
    @ConfigProperty(name = "orderflow.projections.retry-backoff", defaultValue = "PT1M,PT5M,PT15M,PT1H,PT6H")
    String retryBackoff;

    @Produces
    RetrySchedule retrySchedule() {
        return RetrySchedule.parse(retryBackoff);
    }
}
