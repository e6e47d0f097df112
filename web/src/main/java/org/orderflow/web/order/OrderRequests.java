package org.orderflow.web.order;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.orderflow.domain.order.ShippingAddress;

/** Request bodies of the order API, in the original example's wrapper style. */
public final class OrderRequests {

    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private OrderRequests() {
    }

    /** {@code {"order":{"customer_name":"山田太郎"}}} */
    public record CreateOrderBody(@NotNull @Valid @JsonbProperty("order") NewOrder order) {
    }

    public record NewOrder(
            @NotBlank @Size(max = 200) @JsonbProperty("customer_name") String customerName,
            @Size(max = 100) @JsonbProperty("customer_id") String customerId,
            @Valid @JsonbProperty("shipping_address") Address shippingAddress) {
    }

    public record Address(
            @NotBlank @Size(max = 200) @JsonbProperty("line1") String line1,
            @Size(max = 200) @JsonbProperty("line2") String line2,
            @NotBlank @Size(max = 100) @JsonbProperty("city") String city,
            @Size(max = 20) @JsonbProperty("postal_code") String postalCode,
            @NotBlank @Size(max = 2) @JsonbProperty("country") String country) {

        ShippingAddress toDomain() {
            return new ShippingAddress(line1, line2, city, postalCode, country);
        }
    }

    /** {@code {"order_item":{"product_name":"ノートPC","quantity":1,"unit_price_cents":120000}}} */
    public record AddItemBody(@NotNull @Valid @JsonbProperty("order_item") NewItem orderItem) {
    }

    /**
     * A line sold by name needs {@code product_name} and {@code unit_price_cents}; a catalogue line
     * needs only {@code product_id} (name and current price come from the product; a given price
     * must be the current one).
     */
    public record NewItem(
            @Size(min = 1, max = 200) @Pattern(regexp = "\\s*\\S[\\s\\S]*", message = "must not be blank")
            @JsonbProperty("product_name") String productName,
            @Pattern(regexp = UUID_PATTERN) @JsonbProperty("product_id") String productId,
            @NotNull @Min(1) @Max(1_000_000) @JsonbProperty("quantity") Integer quantity,
            @PositiveOrZero @JsonbProperty("unit_price_cents") Long unitPriceCents) {
    }

    /** {@code {"order_item":{"line_id":"…"}}} */
    public record RemoveItemBody(@NotNull @Valid @JsonbProperty("order_item") ItemRef orderItem) {
    }

    public record ItemRef(@NotNull @Pattern(regexp = UUID_PATTERN) @JsonbProperty("line_id") String lineId) {
    }

    /** {@code {"reservation":{"reservation_id":"R-1"}}} */
    public record ReserveInventoryBody(@NotNull @Valid @JsonbProperty("reservation") Reservation reservation) {
    }

    public record Reservation(@NotBlank @Size(max = 100) @JsonbProperty("reservation_id") String reservationId) {
    }

    /** {@code {"payment":{"payment_id":"P-1","amount_cents":120000}}} */
    public record ProcessPaymentBody(@NotNull @Valid @JsonbProperty("payment") Payment payment) {
    }

    public record Payment(
            @NotBlank @Size(max = 100) @JsonbProperty("payment_id") String paymentId,
            @NotNull @PositiveOrZero @JsonbProperty("amount_cents") Long amountCents) {
    }

    /** {@code {"cancellation":{"reason":"customer request"}}} */
    public record CancelBody(@NotNull @Valid @JsonbProperty("cancellation") Cancellation cancellation) {
    }

    public record Cancellation(@NotBlank @Size(max = 500) @JsonbProperty("reason") String reason) {
    }
}
