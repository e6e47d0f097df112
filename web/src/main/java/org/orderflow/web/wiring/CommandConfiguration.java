package org.orderflow.web.wiring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orderflow.application.command.RetryPolicy;

/** Command-side settings from MicroProfile Config. */
@ApplicationScoped
public class CommandConfiguration {

    @Inject
    @ConfigProperty(name = "orderflow.commands.max-attempts", defaultValue = "5")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "orderflow.commands.retry-backoff-ms", defaultValue = "20")
    long retryBackoffMillis;

    @Produces
    RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, Duration.ofMillis(retryBackoffMillis));
    }
}
