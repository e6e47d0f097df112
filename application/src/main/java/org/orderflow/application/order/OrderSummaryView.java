package org.orderflow.application.order;

import java.time.Instant;

/** One order in a list: who, what state, how much. */
public record OrderSummaryView(String orderId, String customerName, String customerId, String status, long totalCents,
                               int itemCount, Instant createdAt, Instant updatedAt, long version) {
}
