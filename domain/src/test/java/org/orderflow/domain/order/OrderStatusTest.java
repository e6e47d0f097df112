package org.orderflow.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The status rule shared by the aggregate and the read models. */
class OrderStatusTest {

    private static final UUID ID = UUID.fromString("0b6f4c1e-6a43-4d8e-9a55-2f0c7f1f3a10");

    @Test
    void each_lifecycle_event_leads_to_its_status_whatever_came_before() {
        for (OrderStatus before : Arrays.asList(null, OrderStatus.PENDING, OrderStatus.PAYMENT_PROCESSED)) {
            assertEquals(OrderStatus.PENDING, OrderStatus.after(before, new OrderCreated(ID, "Ada", null, null)));
            assertEquals(OrderStatus.INVENTORY_RESERVED, OrderStatus.after(before, new InventoryReserved(ID, "R-1")));
            assertEquals(OrderStatus.PAYMENT_PROCESSED, OrderStatus.after(before, new PaymentProcessed(ID, "P-1", 5)));
            assertEquals(OrderStatus.CONFIRMED, OrderStatus.after(before, new OrderConfirmed(ID, 5)));
            assertEquals(OrderStatus.CANCELLED, OrderStatus.after(before, new OrderCancelled(ID, "why")));
        }
    }

    @Test
    void lines_do_not_move_the_status() {
        // given a pending order
        OrderStatus before = OrderStatus.PENDING;
        // when a line is added and removed
        OrderStatus afterAdd = OrderStatus.after(before, new ItemAdded(ID, UUID.randomUUID(), "pen", null, 2, 150));
        OrderStatus afterRemove = OrderStatus.after(afterAdd, new ItemRemoved(ID, UUID.randomUUID(), "pen", 2, 150));
        // then
        assertEquals(OrderStatus.PENDING, afterAdd);
        assertEquals(OrderStatus.PENDING, afterRemove);
    }

    @Test
    void a_line_total_is_exact() {
        assertEquals(450, new ItemAdded(ID, UUID.randomUUID(), "pen", null, 3, 150).lineTotalCents());
        assertEquals(9_000_000_000_000_000_000L, new ItemRemoved(ID, UUID.randomUUID(), "pen", 1_000_000, 9_000_000_000_000L).lineTotalCents());
    }
}
