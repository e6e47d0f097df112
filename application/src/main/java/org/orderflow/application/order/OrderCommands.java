package org.orderflow.application.order;

import java.util.UUID;
import org.orderflow.application.command.Command;
import org.orderflow.domain.order.ShippingAddress;

/** The commands an order accepts. Ids are chosen by the sender (the API), never inside the domain. */
public final class OrderCommands {

    private OrderCommands() {
    }

    public record CreateOrder(UUID orderId, String customerName, String customerId, ShippingAddress shippingAddress)
            implements Command {
    }

    public record AddItem(UUID orderId, UUID lineId, String productName, UUID productId, int quantity,
                          long unitPriceCents) implements Command {
    }

    public record RemoveItem(UUID orderId, UUID lineId) implements Command {
    }

    public record ReserveInventory(UUID orderId, String reservationId) implements Command {
    }

    public record ProcessPayment(UUID orderId, String paymentId, long amountCents) implements Command {
    }

    public record ConfirmOrder(UUID orderId) implements Command {
    }

    public record CancelOrder(UUID orderId, String reason) implements Command {
    }
}
