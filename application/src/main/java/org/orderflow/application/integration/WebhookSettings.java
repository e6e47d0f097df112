package org.orderflow.application.integration;

import java.util.Set;

/**
 * What the integration handler forwards.
 *
 * @param enabled    false when no endpoint is configured: nothing is forwarded or recorded
 * @param eventTypes the event types to forward; empty means every type
 */
public record WebhookSettings(boolean enabled, Set<String> eventTypes) {

    public WebhookSettings {
        eventTypes = Set.copyOf(eventTypes);
    }

    public boolean forwards(String eventType) {
        return enabled && (eventTypes.isEmpty() || eventTypes.contains(eventType));
    }
}
