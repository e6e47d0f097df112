package org.orderflow.web.wiring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orderflow.application.integration.Webhook;
import org.orderflow.application.integration.WebhookSettings;
import org.orderflow.application.notification.CustomerContacts;
import org.orderflow.application.notification.Notifier;
import org.orderflow.application.outbox.OutboxSettings;
import org.orderflow.messaging.guard.ConsumerPauseSettings;
import org.orderflow.messaging.guard.Unguarded;
import org.orderflow.messaging.notify.LogNotifier;
import org.orderflow.messaging.notify.MailNotifier;
import org.orderflow.messaging.notify.MailSettings;
import org.orderflow.messaging.notify.TemplateContacts;
import org.orderflow.messaging.webhook.HttpWebhook;
import org.orderflow.messaging.webhook.WebhookEndpoint;

/** Outbox publisher, notification and webhook settings from MicroProfile Config (see README). */
@ApplicationScoped
public class MessagingConfiguration {

    private static final Logger LOG = Logger.getLogger(MessagingConfiguration.class.getName());

    @Inject
    @ConfigProperty(name = "orderflow.outbox.batch-size", defaultValue = "200")
    int outboxBatchSize;

    @Inject
    @ConfigProperty(name = "orderflow.outbox.backoff-initial-ms", defaultValue = "500")
    long backoffInitialMs;

    @Inject
    @ConfigProperty(name = "orderflow.outbox.backoff-max-ms", defaultValue = "30000")
    long backoffMaxMs;

    @Inject
    @ConfigProperty(name = "orderflow.notifications.smtp.host")
    Optional<String> smtpHost;

    @Inject
    @ConfigProperty(name = "orderflow.notifications.smtp.port", defaultValue = "25")
    int smtpPort;

    @Inject
    @ConfigProperty(name = "orderflow.notifications.smtp.user")
    Optional<String> smtpUser;

    @Inject
    @ConfigProperty(name = "orderflow.notifications.smtp.password")
    Optional<String> smtpPassword;

    @Inject
    @ConfigProperty(name = "orderflow.notifications.smtp.starttls", defaultValue = "false")
    boolean smtpStarttls;

    @Inject
    @ConfigProperty(name = "orderflow.notifications.from", defaultValue = "orderflow <no-reply@orderflow.local>")
    String mailFrom;

    @Inject
    @ConfigProperty(name = "orderflow.notifications.recipient-template", defaultValue = "{customerId}@customers.orderflow.local")
    String recipientTemplate;

    @Inject
    @ConfigProperty(name = "orderflow.webhook.url")
    Optional<String> webhookUrl;

    @Inject
    @ConfigProperty(name = "orderflow.webhook.event-types", defaultValue = "OrderCreated,OrderConfirmed,OrderCancelled")
    String webhookEventTypes;

    @Inject
    @ConfigProperty(name = "orderflow.consumers.pause-first-ms", defaultValue = "5000")
    long pauseFirstMs;

    @Inject
    @ConfigProperty(name = "orderflow.consumers.pause-max-ms", defaultValue = "60000")
    long pauseMaxMs;

    @Inject
    @ConfigProperty(name = "orderflow.webhook.timeout-ms", defaultValue = "5000")
    long webhookTimeoutMs;

    /** The publisher's name keys its cursor; one per topic. */
    public static final String PUBLISHER = "jms:orderflow.events";

    @Produces
    OutboxSettings outboxSettings() {
        return new OutboxSettings(PUBLISHER, outboxBatchSize, 50,
                Duration.ofMillis(backoffInitialMs), Duration.ofMillis(Math.max(backoffInitialMs, backoffMaxMs)));
    }

    @Produces
    ConsumerPauseSettings consumerPauseSettings() {
        return new ConsumerPauseSettings(Duration.ofMillis(Math.max(1, pauseFirstMs)),
                Duration.ofMillis(Math.max(Math.max(1, pauseFirstMs), pauseMaxMs)));
    }

    /** The mail (or log) notifier; what consumers inject is {@code GuardedNotifier}, its circuit breaker. */
    @Produces
    @ApplicationScoped
    @Unguarded
    Notifier notifier() {
        Optional<String> host = smtpHost.filter(h -> !h.isBlank());
        if (host.isEmpty()) {
            LOG.info("No orderflow.notifications.smtp.host: notifications are written to the log only");
            return new LogNotifier();
        }
        LOG.info(() -> "Notifications by mail through " + host.get() + ":" + smtpPort);
        return new MailNotifier(new MailSettings(host, smtpPort, mailFrom, smtpUser.filter(u -> !u.isBlank()),
                smtpPassword, smtpStarttls, Duration.ofSeconds(10)));
    }

    @Produces
    @ApplicationScoped
    CustomerContacts customerContacts() {
        return new TemplateContacts(recipientTemplate);
    }

    @Produces
    WebhookSettings webhookSettings() {
        Set<String> types = Arrays.stream(webhookEventTypes.split(","))
                .map(String::trim).filter(t -> !t.isEmpty() && !t.equals("*")).collect(Collectors.toSet());
        return new WebhookSettings(endpoint().url().isPresent(), types);
    }

    /** The HTTP webhook; what consumers inject is {@code GuardedWebhook}, its circuit breaker. */
    @Produces
    @ApplicationScoped
    @Unguarded
    Webhook webhook() {
        return new HttpWebhook(endpoint());
    }

    /** Closes the webhook's HTTP client when the application stops (a redeploy would otherwise leak it). */
    void closeWebhook(@Disposes @Unguarded Webhook webhook) {
        if (webhook instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.fine(() -> "Closing the webhook client failed: " + e);
            }
        }
    }

    private WebhookEndpoint endpoint() {
        return new WebhookEndpoint(webhookUrl.filter(u -> !u.isBlank()).map(URI::create),
                Duration.ofMillis(Math.max(1, webhookTimeoutMs)));
    }
}
