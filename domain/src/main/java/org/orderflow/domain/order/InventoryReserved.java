package org.orderflow.domain.order;

import java.util.UUID;

/**
 * Stock was set aside for every line of the order; from now on the lines are frozen.
 *
 * @param reservationId the inventory system's reference for the reservation
 */
public record InventoryReserved(UUID orderId, String reservationId) implements OrderEvent {
}
