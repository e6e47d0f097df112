package org.orderflow.web.wiring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orderflow.application.projection.ProjectionSegments;
import org.orderflow.application.projection.RetrySchedule;

/** Projection settings from MicroProfile Config. */
@ApplicationScoped
public class ProjectionConfiguration {

    @Inject
    @ConfigProperty(name = "orderflow.projections.retry-backoff", defaultValue = "PT1M,PT5M,PT15M,PT1H,PT6H")
    String retryBackoff;

    /** Segments of every projector unless it says otherwise; 1 = unsplit (one server). */
    @Inject
    @ConfigProperty(name = "orderflow.projections.segments", defaultValue = "1")
    int segments;

    @Inject
    Config config;

    @Produces
    RetrySchedule retrySchedule() {
        return RetrySchedule.parse(retryBackoff);
    }

    /** {@code orderflow.projections.<projector>.segments}, else {@code orderflow.projections.segments}. */
    @Produces
    ProjectionSegments projectionSegments() {
        if (segments < 1) {
            throw new IllegalArgumentException("orderflow.projections.segments must be at least 1, not " + segments);
        }
        return new ProjectionSegments(projector -> config.getOptionalValue("orderflow.projections." + projector + ".segments",
                Integer.class).orElse(segments));
    }
}
