package org.orderflow.web.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.orderflow.application.consumer.ConsumerObserver;

/**
 * Deliveries to the JMS consumers as metrics: {@code orderflow_consumer_deliveries_seconds{consumer,
 * outcome}} (processed, duplicate, unavailable, failed) and
 * {@code orderflow_consumer_redeliveries_total{consumer}} (deliveries after the first of a message).
 * Dead letters are a gauge of {@link OperationsMetrics}.
 */
@ApplicationScoped
public class MeteredConsumers implements ConsumerObserver {

    private static final Metadata DELIVERIES = Metadata.builder().withName("orderflow.consumer.deliveries")
            .withDescription("Deliveries of published events to a consumer, by outcome (processed, duplicate: absorbed "
                    + "by the inbox, unavailable: the receiver was down, failed)").build();
    private static final Metadata REDELIVERIES = Metadata.builder().withName("orderflow.consumer.redeliveries")
            .withDescription("Deliveries of a message after its first (the broker's JMSXDeliveryCount above 1)").build();

    @Inject
    MetricRegistry registry;

    @Override
    public void delivered(String consumer, Outcome outcome, int deliveryCount, Duration took) {
        Tag name = new Tag("consumer", consumer);
        registry.timer(DELIVERIES, name, new Tag("outcome", outcome.name().toLowerCase(Locale.ROOT))).update(took);
        if (deliveryCount > 1) {
            registry.counter(REDELIVERIES, name).inc();
        }
    }
}
