package org.orderflow.domain.order;

import java.util.UUID;

/**
 * The order will not be fulfilled; this is final.
 *
 * @param reason why it was cancelled, trimmed
 */
public record OrderCancelled(UUID orderId, String reason) implements OrderEvent {
}
