package org.orderflow.application.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.orderflow.application.consumer.EventConsumer;
import org.orderflow.application.outbox.IntegrationEvent;

/** Forwards the configured event types to the webhook, each event once in effect. */
@ApplicationScoped
public class WebhookForwarding implements EventConsumer {

    public static final String NAME = "webhook";

    private WebhookSettings settings;
    private Webhook webhook;

    protected WebhookForwarding() {
        // for CDI proxies
    }

    @Inject
    public WebhookForwarding(WebhookSettings settings, Webhook webhook) {
        this.settings = settings;
        this.webhook = webhook;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(IntegrationEvent event) {
        return settings.forwards(event.eventType());
    }

    @Override
    public String handle(IntegrationEvent event) {
        return webhook.deliver(event);
    }
}
