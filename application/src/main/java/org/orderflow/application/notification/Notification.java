package org.orderflow.application.notification;

import java.util.UUID;

/**
 * A message to a customer.
 *
 * @param eventId the event it is about; adapters pass it on (e.g. as a Message-ID) so a receiver can deduplicate
 */
public record Notification(String recipient, String subject, String body, UUID eventId) {
}
