package org.orderflow.web.fulfilment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.orderflow.application.fulfilment.CheckoutProcess;
import org.orderflow.application.fulfilment.CheckoutProcesses;
import org.orderflow.domain.order.CheckoutFailed;
import org.orderflow.web.observability.ScrapeCache;

/**
 * Checkouts as MicroProfile Metrics ({@code /metrics?scope=application}), counted from the
 * checkouts' table so that every server reports the same totals and a restart loses none:
 * {@code orderflow_checkouts{state=…}}, {@code orderflow_checkouts_started},
 * {@code orderflow_checkouts_cancelled{reason=…}}. Read at most once a second whatever the
 * number of scrapes. The provider calls' latencies are timed by {@link MeteredPaymentGateway}.
 */
@ApplicationScoped
public class CheckoutMetrics {

    private static final List<String> REASONS = List.of(CheckoutFailed.OUT_OF_STOCK, CheckoutFailed.PRODUCT_UNAVAILABLE,
            CheckoutFailed.PAYMENT_DECLINED, CheckoutFailed.PAYMENT_FAILED, CheckoutFailed.PAYMENT_TIMEOUT,
            CheckoutFailed.ABORTED);

    @Inject
    CheckoutProcesses processes;

    @Inject
    MetricRegistry registry;

    private final ScrapeCache reads = new ScrapeCache(Duration.ofSeconds(1));

    void registerAtStartup(@Observes Startup startup) {
        for (CheckoutProcess.State state : CheckoutProcess.State.values()) {
            registry.gauge(Metadata.builder().withName("orderflow.checkouts")
                            .withDescription("Checkouts by state (RUNNING, WAITING_FOR_PAYMENT, COMPENSATING, FAILED, DONE)")
                            .build(),
                    this, metrics -> metrics.stats().byState().getOrDefault(state, 0L), new Tag("state", state.name()));
        }
        registry.gauge(Metadata.builder().withName("orderflow.checkouts.started")
                        .withDescription("Checkouts started, whatever became of them").build(),
                this, metrics -> metrics.stats().byState().values().stream().mapToLong(Long::longValue).sum());
        for (String reason : REASONS) {
            registry.gauge(Metadata.builder().withName("orderflow.checkouts.cancelled")
                            .withDescription("Checkouts that failed and cancelled their order, by reason").build(),
                    this, metrics -> metrics.stats().cancelledByReason().getOrDefault(reason, 0L), new Tag("reason", reason));
        }
    }

    CheckoutProcesses.Stats stats() {
        return reads.get("stats", processes::stats);
    }
}
