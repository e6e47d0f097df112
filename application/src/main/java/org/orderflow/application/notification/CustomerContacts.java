package org.orderflow.application.notification;

import java.util.Optional;

/** Where a customer is reached. Empty for guests and unknown customers. */
public interface CustomerContacts {

    Optional<String> addressOf(String tenantId, String customerId);
}
