package org.orderflow.web.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.orderflow.application.consumer.DeadLetters;
import org.orderflow.application.consumer.Inbox;
import org.orderflow.application.eventstore.LogWatermark;
import org.orderflow.application.integration.WebhookForwarding;
import org.orderflow.application.notification.OrderNotifications;
import org.orderflow.application.outbox.Outbox;
import org.orderflow.application.outbox.OutboxPublisher;
import org.orderflow.application.projection.ProjectionRebuild;
import org.orderflow.application.projection.ProjectionStatus;
import org.orderflow.application.projection.Projector;
import org.orderflow.application.projection.Projectors;
import org.orderflow.application.projection.RebuildJob;

/**
 * The state an operator watches, as gauges read from the database when scraped (at most once a
 * second whatever the number of scrapes), so every server reports the same values:
 * <ul>
 * <li>{@code orderflow_projection_lag_events{projector}} and {@code orderflow_projection_lag_seconds{projector}};</li>
 * <li>{@code orderflow_rebuild_running{projector}} (0 or 1), {@code orderflow_rebuild_events_done{projector}},
 *     {@code orderflow_rebuild_events_total{projector}} and {@code orderflow_rebuild_progress{projector}}
 *     (0 to 1; 1 when no rebuild runs);</li>
 * <li>{@code orderflow_outbox_backlog_events} and {@code orderflow_outbox_backlog_age_seconds} (committed,
 *     not yet published), {@code orderflow_outbox_published_events} (all time, from the cursor's table);</li>
 * <li>{@code orderflow_consumer_processed_events{consumer}} (within the inbox's retention) and
 *     {@code orderflow_dead_letters} (messages on the dead-letter queue);</li>
 * <li>{@code orderflow_log_unreadable_events} and {@code orderflow_log_oldest_transaction_seconds}: what an
 *     open transaction holds back (see {@link LogWatermark}).</li>
 * </ul>
 */
@ApplicationScoped
public class OperationsMetrics {


    @Inject
    MetricRegistry registry;

    @Inject
    ProjectionStatus projections;

    @Inject
    ProjectionRebuild rebuilds;

    @Inject
    Projectors projectors;

    @Inject
    Outbox outbox;

    @Inject
    OutboxPublisher publisher;

    @Inject
    Inbox inbox;

    @Inject
    DeadLetters deadLetters;

    @Inject
    LogWatermark watermark;

    private final ScrapeCache reads = new ScrapeCache(Duration.ofSeconds(1));

    void registerAtStartup(@Observes Startup startup) {
        for (Projector projector : projectors.all()) {
            String name = projector.name();
            Tag tag = new Tag("projector", name);
            gauge("orderflow.projection.lag.events", "Events in the log the projector has not processed yet",
                    () -> lag(name).map(state -> (double) state.lagEvents()).orElse(0.0), tag);
            gauge("orderflow.projection.lag.seconds", "Age of the oldest event the projector has not processed yet",
                    () -> lag(name).map(state -> state.lagTime().toMillis() / 1000.0).orElse(0.0), tag);
            gauge("orderflow.rebuild.running", "1 while a rebuild of the projector runs",
                    () -> rebuild(name).isPresent() ? 1.0 : 0.0, tag);
            gauge("orderflow.rebuild.events.done", "Events the running rebuild has applied (0 when none runs)",
                    () -> rebuild(name).map(job -> (double) job.eventsDone()).orElse(0.0), tag);
            gauge("orderflow.rebuild.events.total", "Events the running rebuild has to apply (0 when none runs)",
                    () -> rebuild(name).map(job -> (double) job.eventsTotal()).orElse(0.0), tag);
            gauge("orderflow.rebuild.progress", "Share of the running rebuild done, 0 to 1 (1 when none runs)",
                    () -> rebuild(name).map(RebuildJob::fractionDone).orElse(1.0), tag);
        }
        gauge("orderflow.outbox.backlog.events", "Committed events not yet published to the topic",
                () -> (double) outboxStatus().pending());
        gauge("orderflow.outbox.backlog.age.seconds", "Age of the oldest committed event not yet published",
                () -> outboxStatus().oldestPending().toMillis() / 1000.0);
        gauge("orderflow.outbox.published.events", "Events published to the topic, by every server, all time",
                () -> (double) outboxStatus().publishedCount());
        for (String consumer : List.of(OrderNotifications.NAME, WebhookForwarding.NAME)) {
            gauge("orderflow.consumer.processed.events", "Events the consumer processed, within the inbox's retention",
                    () -> (double) cached("processed:" + consumer, () -> inbox.processedCount(consumer)),
                    new Tag("consumer", consumer));
        }
        gauge("orderflow.log.unreadable.events", "Committed events the log's readers cannot take yet: an older "
                + "transaction is still open somewhere in the database cluster (see /api/ops/watermark)",
                () -> (double) cached("watermark", watermark::read).unreadableEvents());
        gauge("orderflow.log.oldest.transaction.seconds", "Age of the oldest open transaction in the database cluster, "
                + "which holds the log's readers back (0 when none)",
                () -> cached("watermark", watermark::read).holder().map(h -> h.transactionAge().toMillis() / 1000.0)
                        .orElse(0.0));
        gauge("orderflow.dead.letters", "Messages on the dead-letter queue (a consumer failed them past the redelivery limit)",
                () -> (double) cached("dead-letters", deadLetters::count));
    }

    private void gauge(String name, String description, Supplier<Double> value, Tag... tags) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), value, tags);
    }

    private Optional<ProjectionStatus.State> lag(String projector) {
        return Optional.ofNullable(cached("projections", () -> projections.all().stream()
                .collect(Collectors.toMap(ProjectionStatus.State::projector, state -> state))).get(projector));
    }

    private Optional<RebuildJob> rebuild(String projector) {
        return cached("rebuilds", rebuilds::running).stream().filter(job -> job.projector().equals(projector)).findFirst();
    }

    private Outbox.Status outboxStatus() {
        return cached("outbox", () -> outbox.status(publisher.name()));
    }

    private <T> T cached(String key, Supplier<T> source) {
        return reads.get(key, source);
    }
}
