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

    /**
     * Without a product id the line is sold by name at the given price (both required). With one,
     * name and current price come from the catalogue: a given name is ignored and a given price
     * must be the current one ({@code order.price_mismatch} otherwise), so a client can hold the
     * customer to the price it showed.
     */
    public record AddItem(UUID orderId, UUID lineId, String productName, UUID productId, int quantity,
                          Long unitPriceCents) implements Command {
    }

    /** Hands a pending order with items to the fulfilment process. */
    public record StartCheckout(UUID orderId) implements Command {
    }

    /** An operator gives up a running checkout; the process undoes what it did. */
    public record AbortCheckout(UUID orderId, String reason) implements Command {
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
