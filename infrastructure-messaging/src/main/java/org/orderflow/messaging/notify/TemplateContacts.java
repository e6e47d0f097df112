package org.orderflow.messaging.notify;

import java.util.Optional;
import org.orderflow.application.notification.CustomerContacts;

/**
 * Customer addresses from a template, e.g. {@code {customerId}@customers.example.com}; a customer
 * id that already is an address is used as it is. orderflow keeps no customer directory: this is
 * the seam where one would be plugged in.
 */
public class TemplateContacts implements CustomerContacts {

    private final String template;

    public TemplateContacts(String template) {
        if (!template.contains("{customerId}")) {
            throw new IllegalArgumentException("The recipient template must contain {customerId}: " + template);
        }
        this.template = template;
    }

    @Override
    public Optional<String> addressOf(String tenantId, String customerId) {
        if (customerId == null || customerId.isBlank()) {
            return Optional.empty();
        }
        if (customerId.contains("@")) {
            return Optional.of(customerId);
        }
        return Optional.of(template.replace("{customerId}", customerId).replace("{tenantId}", tenantId));
    }
}
