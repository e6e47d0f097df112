package org.orderflow.web.fulfilment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.orderflow.application.fulfilment.CheckoutObserver;

/**
 * The checkout's step latencies as MicroProfile Metrics timers:
 * {@code orderflow_checkout_step_seconds{step=reserve_stock|release_stock|commit_stock}} and
 * {@code orderflow_checkout_duration_seconds{outcome=confirmed|cancelled, reason=…}} (start to end).
 * Counted by the server that ran the step (the totals per state are in {@link CheckoutMetrics}).
 */
@ApplicationScoped
public class MeteredCheckouts implements CheckoutObserver {

    private static final Metadata STEP = Metadata.builder().withName("orderflow.checkout.step")
            .withDescription("Time the fulfilment process took for a step of a checkout").build();
    private static final Metadata DURATION = Metadata.builder().withName("orderflow.checkout.duration")
            .withDescription("Time from a checkout's start to its end, by outcome and reason").build();

    @Inject
    MetricRegistry registry;

    @Override
    public void step(String step, Duration took) {
        registry.timer(STEP, new Tag("step", step)).update(took);
    }

    @Override
    public void settled(String outcome, String reasonCode, Duration sinceStart) {
        registry.timer(DURATION, new Tag("outcome", outcome), new Tag("reason", reasonCode == null ? "none" : reasonCode))
                .update(sinceStart.isNegative() ? Duration.ZERO : sinceStart);
    }
}
