package org.orderflow.web.order;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.orderflow.application.command.CommandResult;
import org.orderflow.application.order.OrderSummaryView;
import org.orderflow.application.order.OrderView;
import org.orderflow.domain.order.OrderLine;
import org.orderflow.domain.order.ShippingAddress;

/** Response bodies of the order API. */
public final class OrderResponses {

    private OrderResponses() {
    }

    /** What every order command answers: the order, its new version, and the global position of its last event. */
    @Schema(name = "OrderCommandAccepted", description = "The order, its new version (also the ETag) and the global "
            + "position of its last event (send it as X-Min-Position to read your write); line_id names the line "
            + "add_item created")
    public record CommandAccepted(
            @JsonbProperty("order_id") String orderId,
            @JsonbProperty("version") long version,
            @JsonbProperty("position") long position,
            @JsonbProperty("line_id") String lineId) {

        static CommandAccepted of(CommandResult result) {
            return new CommandAccepted(result.streamId(), result.streamVersion(), result.lastPosition(), result.createdId());
        }
    }

    @Schema(name = "Order")
    public record Order(
            @JsonbProperty("order_id") String orderId,
            @JsonbProperty("customer_name") String customerName,
            @JsonbProperty("customer_id") String customerId,
            @JsonbProperty("shipping_address") Address shippingAddress,
            @JsonbProperty("status") String status,
            @JsonbProperty("items") List<Item> items,
            @JsonbProperty("item_count") int itemCount,
            @JsonbProperty("total_cents") long totalCents,
            @JsonbProperty("reservation_id") String reservationId,
            @JsonbProperty("payment_id") String paymentId,
            @JsonbProperty("cancellation_reason") String cancellationReason,
            @JsonbProperty("cancellation_code") String cancellationCode,
            @JsonbProperty("cancellation_product_id") String cancellationProductId,
            @JsonbProperty("version") long version,
            @JsonbProperty("created_at") String createdAt,
            @JsonbProperty("updated_at") String updatedAt,
            @JsonbProperty("confirmed_at") String confirmedAt,
            @JsonbProperty("cancelled_at") String cancelledAt) {

        static Order of(OrderView view) {
            return new Order(view.orderId(), view.customerName(), view.customerId(),
                    Address.of(view.shippingAddress()), view.status().name(),
                    view.lines().stream().map(Item::of).toList(), view.itemCount(), view.totalCents(),
                    view.reservationId(), view.paymentId(), view.cancellationReason(), view.cancellationCode(),
                    view.cancellationProductId(), view.version(),
                    text(view.createdAt()), text(view.updatedAt()), text(view.confirmedAt()), text(view.cancelledAt()));
        }

        private static String text(Instant instant) {
            return instant == null ? null : instant.toString();
        }
    }

    @Schema(name = "OrderItem")
    public record Item(
            @JsonbProperty("line_id") String lineId,
            @JsonbProperty("product_name") String productName,
            @JsonbProperty("product_id") String productId,
            @JsonbProperty("quantity") int quantity,
            @JsonbProperty("unit_price_cents") long unitPriceCents,
            @JsonbProperty("line_total_cents") long lineTotalCents) {

        static Item of(OrderLine line) {
            return new Item(line.lineId().toString(), line.productName(),
                    line.productId() == null ? null : line.productId().toString(), line.quantity(),
                    line.unitPriceCents(), line.lineTotalCents());
        }
    }

    @Schema(name = "OrderAddress")
    public record Address(
            @JsonbProperty("line1") String line1,
            @JsonbProperty("line2") String line2,
            @JsonbProperty("city") String city,
            @JsonbProperty("postal_code") String postalCode,
            @JsonbProperty("country") String country) {

        static Address of(ShippingAddress address) {
            return address == null ? null
                    : new Address(address.line1(), address.line2(), address.city(), address.postalCode(), address.country());
        }
    }

    /** One order in a list. */
    public record Summary(
            @JsonbProperty("order_id") String orderId,
            @JsonbProperty("customer_name") String customerName,
            @JsonbProperty("customer_id") String customerId,
            @JsonbProperty("status") String status,
            @JsonbProperty("total_cents") long totalCents,
            @JsonbProperty("item_count") int itemCount,
            @JsonbProperty("created_at") String createdAt,
            @JsonbProperty("updated_at") String updatedAt,
            @JsonbProperty("version") long version) {

        static Summary of(OrderSummaryView view) {
            return new Summary(view.orderId(), view.customerName(), view.customerId(), view.status(), view.totalCents(),
                    view.itemCount(), view.createdAt().toString(), view.updatedAt().toString(), view.version());
        }
    }

    public record OrderPage(
            @JsonbProperty("orders") List<Summary> orders,
            @JsonbProperty("page") int page,
            @JsonbProperty("size") int size) {
    }
}
