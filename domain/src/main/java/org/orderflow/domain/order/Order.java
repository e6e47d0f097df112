package org.orderflow.domain.order;

import static org.orderflow.domain.order.OrderStatus.CANCELLED;
import static org.orderflow.domain.order.OrderStatus.CHECKING_OUT;
import static org.orderflow.domain.order.OrderStatus.CONFIRMED;
import static org.orderflow.domain.order.OrderStatus.INVENTORY_RESERVED;
import static org.orderflow.domain.order.OrderStatus.PAYMENT_PROCESSED;
import static org.orderflow.domain.order.OrderStatus.PENDING;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.orderflow.domain.DomainRuleViolation;

/**
 * A customer's order for goods, rebuilt from its events and deciding what may happen next.
 *
 * <h2>Lifecycle</h2>
 * <p>An order is {@linkplain #create created} for a named customer and starts
 * {@link OrderStatus#PENDING PENDING} and empty. While pending, items are
 * {@linkplain #addItem added} and {@linkplain #removeItem removed}; each line keeps the unit price
 * agreed when it was added, and the order total is the sum of its lines. Two roads lead from
 * there to {@link OrderStatus#CONFIRMED CONFIRMED}:
 * <ul>
 * <li>the short road: a pending order with at least one item is {@linkplain #confirm confirmed}
 * directly;</li>
 * <li>the full road: stock is {@linkplain #reserveInventory reserved} for a pending order with at
 * least one item, which freezes its lines; the customer {@linkplain #processPayment pays} exactly
 * the order total; then the order is confirmed. Once inventory is reserved, the order cannot be
 * confirmed before it is paid.</li>
 * </ul>
 * <p>Until it is confirmed, an order can be {@linkplain #cancel cancelled} for a stated reason.
 * Confirmed and cancelled are final: nothing happens to the order afterwards.
 *
 * <h2>Checkout</h2>
 * <p>Instead of driving the full road itself, a client can {@linkplain #startCheckout check out} a
 * pending order with items: the lines freeze ({@link OrderStatus#CHECKING_OUT CHECKING_OUT}) and
 * the fulfilment process takes the same road for it, recording each step here:
 * {@linkplain #checkoutStockReserved stock reserved}, {@linkplain #checkoutPaid paid and
 * confirmed}, or {@linkplain #abandonCheckout failed and cancelled} with a machine-readable reason.
 * While a checkout runs, the client's own reserve, pay, confirm and cancel commands are refused
 * ({@code order.checkout_running}) so they cannot interfere; an operator aborts a stuck checkout
 * through {@link #abandonCheckout}. The checkout's steps are idempotent: a step taken again
 * records nothing.
 *
 * <h2>Deciding and remembering</h2>
 * <p>Decision methods check the rules against the current state and return the events that
 * record the decision (an immutable list, usually of one event); they do not change the order.
 * The caller stores those events and, if it needs the new state, {@linkplain #apply applies} them.
 * A broken rule is a {@link DomainRuleViolation} with a stable code, and nothing is recorded.
 * {@link #apply} only evolves state and never validates: an event is a fact that has already
 * happened, so it is always accepted, which keeps every stored history replayable. Missing
 * required arguments that a caller could never meaningfully send (a null line id) are programming
 * errors and fail with {@link NullPointerException}.
 *
 * <p>Amounts are whole cents; the total is kept within a {@code long} (and the item count within
 * an {@code int}) by refusing any item that would overflow it.
 */
public final class Order {

    private OrderId id;
    private String customerName;
    private String customerId;
    private ShippingAddress shippingAddress;
    private OrderStatus status;
    private final Map<LineId, OrderLine> lines = new LinkedHashMap<>();
    private String reservationId;
    private String paymentId;
    private String cancellationReason;
    private boolean checkout;
    private String cancellationCode;
    private UUID cancellationProductId;

    private Order() {
    }

    /**
     * Opens an order for a customer.
     *
     * @param customerName required; stored trimmed
     * @param customerId   the customer's account, or {@code null} for a guest
     * @param address      where to ship, or {@code null} if not known yet
     * @throws DomainRuleViolation {@code order.customer_name_required}
     */
    public static List<OrderEvent> create(OrderId id, String customerName, String customerId,
            ShippingAddress address) {
        Objects.requireNonNull(id, "id");
        String name = requireText(customerName, "order.customer_name_required", "an order needs a customer name");
        return List.of(new OrderCreated(id.value(), name.strip(), customerId, address));
    }

    /**
     * Rebuilds an order from its whole stream, oldest event first.
     *
     * @throws IllegalArgumentException if the history is empty, does not start with
     *                                  {@link OrderCreated}, or mixes events of different orders
     */
    public static Order replay(List<? extends OrderEvent> history) {
        Objects.requireNonNull(history, "history");
        if (history.isEmpty()) {
            throw new IllegalArgumentException("cannot replay an order from an empty history");
        }
        if (!(history.get(0) instanceof OrderCreated created)) {
            throw new IllegalArgumentException(
                    "an order's history must start with OrderCreated, but starts with " + history.get(0));
        }
        // Guards against a store handing over the wrong stream; this is not a business rule.
        for (OrderEvent event : history) {
            if (!created.orderId().equals(event.orderId())) {
                throw new IllegalArgumentException(
                        "history of order " + created.orderId() + " contains an event of another order: " + event);
            }
        }
        Order order = new Order();
        history.forEach(order::apply);
        return order;
    }

    /** The order's state as plain data, to be stored as a snapshot. */
    public OrderSnapshot snapshot() {
        return new OrderSnapshot(id.value(), customerName, customerId, shippingAddress, status,
                lines.values().stream().map(line -> new OrderSnapshot.Line(line.lineId().value(), line.productName(),
                        line.productId(), line.quantity(), line.unitPriceCents())).toList(),
                reservationId, paymentId, cancellationReason, checkout, cancellationCode, cancellationProductId);
    }

    /** The order exactly as it was when the snapshot was taken; events after it are then applied. */
    public static Order restore(OrderSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        Order order = new Order();
        order.id = new OrderId(snapshot.orderId());
        order.customerName = snapshot.customerName();
        order.customerId = snapshot.customerId();
        order.shippingAddress = snapshot.shippingAddress();
        order.status = snapshot.status();
        for (OrderSnapshot.Line line : snapshot.lines()) {
            LineId lineId = new LineId(line.lineId());
            order.lines.put(lineId, new OrderLine(lineId, line.productName(), line.productId(), line.quantity(),
                    line.unitPriceCents()));
        }
        order.reservationId = snapshot.reservationId();
        order.paymentId = snapshot.paymentId();
        order.cancellationReason = snapshot.cancellationReason();
        order.checkout = snapshot.checkout();
        order.cancellationCode = snapshot.cancellationCode();
        order.cancellationProductId = snapshot.cancellationProductId();
        return order;
    }

    /**
     * Moves the order's state forward by one recorded fact. Never validates.
     *
     * @throws IllegalStateException for an event type this class does not know, which a test prevents
     */
    public void apply(OrderEvent event) {
        Objects.requireNonNull(event, "event");
        status = OrderStatus.after(status, event);
        if (event instanceof OrderCreated e) {
            id = new OrderId(e.orderId());
            customerName = e.customerName();
            customerId = e.customerId();
            shippingAddress = e.shippingAddress();
        } else if (event instanceof ItemAdded e) {
            LineId lineId = new LineId(e.lineId());
            lines.put(lineId, new OrderLine(lineId, e.productName(), e.productId(), e.quantity(), e.unitPriceCents()));
        } else if (event instanceof ItemRemoved e) {
            lines.remove(new LineId(e.lineId()));
        } else if (event instanceof InventoryReserved e) {
            reservationId = e.reservationId();
        } else if (event instanceof PaymentProcessed e) {
            paymentId = e.paymentId();
        } else if (event instanceof OrderCancelled e) {
            cancellationReason = e.reason();
        } else if (event instanceof CheckoutStarted) {
            checkout = true;
        } else if (event instanceof CheckoutFailed e) {
            cancellationCode = e.reasonCode();
            cancellationProductId = e.productId();
        }
    }

    /**
     * Puts a quantity of a product on the order at the given unit price.
     *
     * @param lineId         chosen by the caller; must not be one of the order's current lines
     * @param productName    required; stored trimmed
     * @param productId      the catalogue product, or {@code null} for an item sold by name only
     * @param quantity       at least 1
     * @param unitPriceCents zero (a free item) or more
     * @throws DomainRuleViolation {@code order.not_pending}, {@code order.product_name_required},
     *                             {@code order.invalid_quantity}, {@code order.invalid_unit_price},
     *                             {@code order.duplicate_line}, {@code order.total_overflow}
     */
    public List<OrderEvent> addItem(LineId lineId, String productName, UUID productId, int quantity,
            long unitPriceCents) {
        Objects.requireNonNull(lineId, "lineId");
        requirePending("add items to");
        String name = requireText(productName, "order.product_name_required", "an order line needs a product name");
        if (quantity < 1) {
            throw new DomainRuleViolation("order.invalid_quantity", "quantity must be at least 1, but was " + quantity);
        }
        if (unitPriceCents < 0) {
            throw new DomainRuleViolation("order.invalid_unit_price",
                    "unit price must not be negative, but was " + unitPriceCents + " cents");
        }
        // Unique among the current lines only: the state (and so every snapshot) stays the size of
        // the order, not of its history. Retried requests are deduplicated by idempotency keys.
        if (lines.containsKey(lineId)) {
            throw new DomainRuleViolation("order.duplicate_line",
                    "order " + id + " already has a line " + lineId);
        }
        OrderLine line = new OrderLine(lineId, name.strip(), productId, quantity, unitPriceCents);
        requireTotalsFitWith(line);
        return List.of(new ItemAdded(id.value(), lineId.value(), line.productName(), productId, quantity,
                unitPriceCents));
    }

    /**
     * Takes a line off the order.
     *
     * @throws DomainRuleViolation {@code order.not_pending}, {@code order.line_not_found}
     */
    public List<OrderEvent> removeItem(LineId lineId) {
        Objects.requireNonNull(lineId, "lineId");
        requirePending("remove items from");
        OrderLine line = lines.get(lineId);
        if (line == null) {
            throw new DomainRuleViolation("order.line_not_found", "order " + id + " has no line " + lineId);
        }
        return List.of(new ItemRemoved(id.value(), lineId.value(), line.productName(), line.quantity(),
                line.unitPriceCents()));
    }

    /**
     * Records that stock is set aside for every line, which freezes the lines.
     *
     * @param reservationId the inventory system's reference; required, kept as given
     * @throws DomainRuleViolation {@code order.not_pending}, {@code order.no_items},
     *                             {@code order.reservation_id_required}
     */
    public List<OrderEvent> reserveInventory(String reservationId) {
        requirePending("reserve inventory for");
        requireItems("reserve inventory for");
        requireText(reservationId, "order.reservation_id_required", "an inventory reservation needs a reservation id");
        return List.of(new InventoryReserved(id.value(), reservationId));
    }

    /**
     * Records the customer's payment of the order total.
     *
     * @param paymentId   the payment provider's reference; required, kept as given
     * @param amountCents must equal {@link #totalCents()}
     * @throws DomainRuleViolation {@code order.inventory_not_reserved}, {@code order.payment_id_required},
     *                             {@code order.payment_amount_mismatch}
     */
    public List<OrderEvent> processPayment(String paymentId, long amountCents) {
        requireNoCheckoutRunning("be paid by hand");
        if (status != INVENTORY_RESERVED) {
            throw new DomainRuleViolation("order.inventory_not_reserved",
                    "order " + id + " can only be paid once inventory is reserved and before it is paid, but it is "
                            + status);
        }
        requireText(paymentId, "order.payment_id_required", "a payment needs a payment id");
        long expected = totalCents();
        if (amountCents != expected) {
            throw new DomainRuleViolation("order.payment_amount_mismatch",
                    "payment must equal the order total: expected " + expected + " cents, but was given "
                            + amountCents + " cents");
        }
        return List.of(new PaymentProcessed(id.value(), paymentId, amountCents));
    }

    /**
     * Accepts the order for fulfilment: directly while pending, or after payment on the full road.
     *
     * @throws DomainRuleViolation {@code order.no_items}, {@code order.payment_outstanding},
     *                             {@code order.already_confirmed}, {@code order.already_cancelled}
     */
    public List<OrderEvent> confirm() {
        requireNoCheckoutRunning("be confirmed by hand");
        switch (status) {
            case CHECKING_OUT -> throw new IllegalStateException("unreachable: a checkout is running");
            case PENDING -> requireItems("confirm");
            case INVENTORY_RESERVED -> throw new DomainRuleViolation("order.payment_outstanding",
                    "order " + id + " has inventory reserved and must be paid before it is confirmed");
            case PAYMENT_PROCESSED -> {
                // the full road is complete: reserved and paid
            }
            case CONFIRMED -> throw alreadyConfirmed("confirmed again");
            case CANCELLED -> throw alreadyCancelled("confirmed");
        }
        return List.of(new OrderConfirmed(id.value(), totalCents()));
    }

    /**
     * Gives up the order, at any point before it is confirmed.
     *
     * @param reason required; stored trimmed
     * @throws DomainRuleViolation {@code order.already_confirmed}, {@code order.already_cancelled},
     *                             {@code order.cancel_reason_required}
     */
    public List<OrderEvent> cancel(String reason) {
        requireNoCheckoutRunning("be cancelled by the client; an operator can abort the checkout");
        if (status == CONFIRMED) {
            throw alreadyConfirmed("cancelled");
        }
        if (status == CANCELLED) {
            throw alreadyCancelled("cancelled again");
        }
        String why = requireText(reason, "order.cancel_reason_required", "cancelling an order needs a reason");
        return List.of(new OrderCancelled(id.value(), why.strip()));
    }

    /**
     * Hands the order to the fulfilment process: freezes the lines and records the amount to charge.
     *
     * @throws DomainRuleViolation {@code order.checkout_running}, {@code order.not_pending},
     *                             {@code order.no_items}
     */
    public List<OrderEvent> startCheckout() {
        requirePending("check out");
        requireItems("check out");
        return List.of(new CheckoutStarted(id.value(), totalCents()));
    }

    /**
     * The checkout holds stock for every catalogue line. Nothing if recorded already.
     *
     * @throws DomainRuleViolation {@code order.no_checkout}, {@code order.already_cancelled}
     */
    public List<OrderEvent> checkoutStockReserved() {
        requireCheckout();
        if (status == CANCELLED) {
            throw alreadyCancelled("reserved");
        }
        if (status != CHECKING_OUT) {
            return List.of();
        }
        return List.of(new InventoryReserved(id.value(), checkoutReservationId(id.value())));
    }

    /**
     * The checkout's payment was authorized: records it and confirms the order in one decision.
     * Nothing if this payment was recorded already.
     *
     * @throws DomainRuleViolation {@code order.no_checkout}, {@code order.already_cancelled} (a late
     *                             approval, to be refunded), {@code order.inventory_not_reserved},
     *                             {@code order.payment_amount_mismatch}
     */
    public List<OrderEvent> checkoutPaid(String paymentId, long amountCents) {
        requireCheckout();
        requireText(paymentId, "order.payment_id_required", "a payment needs a payment id");
        if (status == CANCELLED) {
            throw alreadyCancelled("paid");
        }
        if (status == CONFIRMED && paymentId.equals(this.paymentId)) {
            return List.of();
        }
        if (status != INVENTORY_RESERVED) {
            throw new DomainRuleViolation("order.inventory_not_reserved",
                    "order " + id + " can only be paid once its stock is reserved, but it is " + status);
        }
        long expected = totalCents();
        if (amountCents != expected) {
            throw new DomainRuleViolation("order.payment_amount_mismatch",
                    "payment must equal the order total: expected " + expected + " cents, but was given "
                            + amountCents + " cents");
        }
        return List.of(new PaymentProcessed(id.value(), paymentId, amountCents),
                new OrderConfirmed(id.value(), expected));
    }

    /**
     * The checkout gives up and cancels the order. Nothing if it was cancelled already.
     *
     * @param reasonCode one of {@link CheckoutFailed}'s reasons
     * @param productId  the product concerned, or {@code null}
     * @param detail     required: the reason in words, which also becomes the cancellation reason
     * @throws DomainRuleViolation {@code order.no_checkout}, {@code order.already_confirmed}
     */
    public List<OrderEvent> abandonCheckout(String reasonCode, UUID productId, String detail) {
        requireCheckout();
        if (status == CANCELLED) {
            return List.of();
        }
        if (status == CONFIRMED) {
            throw alreadyConfirmed("abandoned");
        }
        requireText(reasonCode, "order.cancel_reason_required", "a failed checkout needs a reason code");
        String why = requireText(detail, "order.cancel_reason_required", "a failed checkout needs a reason").strip();
        return List.of(new CheckoutFailed(id.value(), reasonCode, productId, why), new OrderCancelled(id.value(), why));
    }

    /** The reservation id the checkout records for an order: derived, so the step is repeatable. */
    public static String checkoutReservationId(UUID orderId) {
        return "checkout-" + orderId;
    }

    /** Whether the fulfilment process ran, or runs, this order's checkout. */
    public boolean checkout() {
        return checkout;
    }

    /** Whether a checkout is running: started and the order not yet confirmed or cancelled. */
    public boolean checkoutRunning() {
        return checkout && status != CONFIRMED && status != CANCELLED;
    }

    /** A failed checkout's machine-readable reason, or {@code null}. */
    public String cancellationCode() {
        return cancellationCode;
    }

    /** The product a failed checkout names (out of stock), or {@code null}. */
    public UUID cancellationProductId() {
        return cancellationProductId;
    }

    public OrderId id() {
        return id;
    }

    public String customerName() {
        return customerName;
    }

    /** The customer's account, or {@code null} for a guest order. */
    public String customerId() {
        return customerId;
    }

    /** Where to ship, or {@code null} if not given. */
    public ShippingAddress shippingAddress() {
        return shippingAddress;
    }

    public OrderStatus status() {
        return status;
    }

    /** The current lines in the order they were added; an unmodifiable snapshot. */
    public List<OrderLine> lines() {
        return List.copyOf(lines.values());
    }

    /** The sum of all line totals, in cents. */
    public long totalCents() {
        long total = 0;
        for (OrderLine line : lines.values()) {
            total = Math.addExact(total, line.lineTotalCents());
        }
        return total;
    }

    /** The number of units on the order: the sum of the lines' quantities. */
    public int itemCount() {
        int count = 0;
        for (OrderLine line : lines.values()) {
            count = Math.addExact(count, line.quantity());
        }
        return count;
    }

    /** The inventory reservation, or {@code null} if inventory was never reserved. */
    public String reservationId() {
        return reservationId;
    }

    /** The payment, or {@code null} if the order was never paid. */
    public String paymentId() {
        return paymentId;
    }

    /** Why the order was cancelled, or {@code null} if it was not. */
    public String cancellationReason() {
        return cancellationReason;
    }

    private void requireNoCheckoutRunning(String refused) {
        if (checkoutRunning()) {
            throw new DomainRuleViolation("order.checkout_running",
                    "order " + id + " is being checked out by the service and cannot " + refused);
        }
    }

    private void requireCheckout() {
        if (!checkout) {
            throw new DomainRuleViolation("order.no_checkout", "order " + id + " was never checked out");
        }
    }

    private void requirePending(String action) {
        if (checkoutRunning()) {
            throw new DomainRuleViolation("order.checkout_running",
                    "cannot " + action + " order " + id + ": the service is checking it out");
        }
        if (status != PENDING) {
            throw new DomainRuleViolation("order.not_pending",
                    "cannot " + action + " order " + id + ": only a pending order can change, but it is " + status);
        }
    }

    private void requireItems(String action) {
        if (lines.isEmpty()) {
            throw new DomainRuleViolation("order.no_items", "cannot " + action + " order " + id + ": it has no items");
        }
    }

    private void requireTotalsFitWith(OrderLine newLine) {
        try {
            Math.addExact(totalCents(), newLine.lineTotalCents());
            Math.addExact(itemCount(), newLine.quantity());
        } catch (ArithmeticException overflow) {
            throw new DomainRuleViolation("order.total_overflow",
                    "adding " + newLine.quantity() + " x " + newLine.unitPriceCents()
                            + " cents would make the order's totals too large to record");
        }
    }

    private DomainRuleViolation alreadyConfirmed(String refused) {
        return new DomainRuleViolation("order.already_confirmed",
                "order " + id + " is confirmed and cannot be " + refused);
    }

    private DomainRuleViolation alreadyCancelled(String refused) {
        return new DomainRuleViolation("order.already_cancelled",
                "order " + id + " is cancelled and cannot be " + refused);
    }

    private static String requireText(String value, String code, String message) {
        if (value == null || value.isBlank()) {
            throw new DomainRuleViolation(code, message);
        }
        return value;
    }

    @Override
    public String toString() {
        return "Order[" + id + ", " + status + ", " + lines.size() + " lines]";
    }
}
