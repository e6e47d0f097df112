package org.orderflow.domain.order;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.orderflow.domain.order.OrderStatus.CANCELLED;
import static org.orderflow.domain.order.OrderStatus.CONFIRMED;
import static org.orderflow.domain.order.OrderStatus.INVENTORY_RESERVED;
import static org.orderflow.domain.order.OrderStatus.PAYMENT_PROCESSED;
import static org.orderflow.domain.order.OrderStatus.PENDING;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.orderflow.domain.AggregateScenario;
import org.orderflow.domain.AggregateScenario.Outcome;
import org.orderflow.domain.SampleRecords;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OrderTest {

    private final OrderId order = OrderId.of("5d3c1a9e-7f2b-4c1d-9a8e-000000000001");
    private final UUID orderId = order.value();
    private final LineId keyboardLine = LineId.of("5d3c1a9e-7f2b-4c1d-9a8e-0000000000b1");
    private final LineId mouseLine = LineId.of("5d3c1a9e-7f2b-4c1d-9a8e-0000000000b2");
    private final UUID keyboardProduct = UUID.fromString("5d3c1a9e-7f2b-4c1d-9a8e-0000000000c1");
    private final ShippingAddress address = new ShippingAddress("1 Analytical Row", null, "London", "N1 9GU", "GB");

    private final OrderCreated orderCreated = new OrderCreated(orderId, "Ada Lovelace", "customer-42", address);
    private final ItemAdded keyboardAdded = new ItemAdded(orderId, keyboardLine.value(), "Keyboard", keyboardProduct, 2,
            4_999);
    private final ItemAdded mouseAdded = new ItemAdded(orderId, mouseLine.value(), "Mouse", null, 1, 2_500);
    private final ItemRemoved keyboardRemoved = new ItemRemoved(orderId, keyboardLine.value(), "Keyboard", 2, 4_999);
    private final InventoryReserved inventoryReserved = new InventoryReserved(orderId, "reservation-7");
    private final PaymentProcessed paymentProcessed = new PaymentProcessed(orderId, "payment-9", 9_998);
    private final OrderConfirmed orderConfirmed = new OrderConfirmed(orderId, 9_998);
    private final OrderCancelled orderCancelled = new OrderCancelled(orderId, "customer changed their mind");
    private final CheckoutStarted checkoutStarted = new CheckoutStarted(orderId, 9_998);
    private final InventoryReserved checkoutReserved = new InventoryReserved(orderId, "checkout-" + orderId);

    private static AggregateScenario<Order, OrderEvent> given(OrderEvent... history) {
        return AggregateScenario.given(Order::replay, history);
    }

    private static Outcome<Order, OrderEvent> whenCreating(Supplier<List<OrderEvent>> creation) {
        return AggregateScenario.<Order, OrderEvent>whenCreating(Order::replay, creation);
    }

    /** A history that leaves an order with a 9,998-cent keyboard line in the given status. */
    private OrderEvent[] historyIn(OrderStatus status) {
        return switch (status) {
            case PENDING -> new OrderEvent[] {orderCreated, keyboardAdded};
            case CHECKING_OUT -> new OrderEvent[] {orderCreated, keyboardAdded, checkoutStarted};
            case INVENTORY_RESERVED -> new OrderEvent[] {orderCreated, keyboardAdded, inventoryReserved};
            case PAYMENT_PROCESSED -> new OrderEvent[] {orderCreated, keyboardAdded, inventoryReserved,
                    paymentProcessed};
            case CONFIRMED -> new OrderEvent[] {orderCreated, keyboardAdded, inventoryReserved, paymentProcessed,
                    orderConfirmed};
            case CANCELLED -> new OrderEvent[] {orderCreated, keyboardAdded, orderCancelled};
        };
    }

    @Nested
    @DisplayName("creating an order")
    class Creating {

        @Test
        void opens_a_pending_empty_order_for_the_customer() {
            whenCreating(() -> Order.create(order, "Ada Lovelace", "customer-42", address))
                    .then(new OrderCreated(orderId, "Ada Lovelace", "customer-42", address))
                    .andState(created -> assertAll(
                            () -> assertEquals(order, created.id()),
                            () -> assertEquals(PENDING, created.status()),
                            () -> assertEquals("Ada Lovelace", created.customerName()),
                            () -> assertEquals("customer-42", created.customerId()),
                            () -> assertEquals(address, created.shippingAddress()),
                            () -> assertTrue(created.lines().isEmpty()),
                            () -> assertEquals(0, created.totalCents()),
                            () -> assertEquals(0, created.itemCount())));
        }

        @Test
        void trims_the_customer_name() {
            whenCreating(() -> Order.create(order, "  Ada Lovelace \t", null, null))
                    .then(new OrderCreated(orderId, "Ada Lovelace", null, null));
        }

        @Test
        void does_not_need_a_customer_account_or_a_shipping_address() {
            whenCreating(() -> Order.create(order, "Guest", null, null))
                    .then(new OrderCreated(orderId, "Guest", null, null))
                    .andState(created -> assertAll(
                            () -> assertNull(created.customerId()),
                            () -> assertNull(created.shippingAddress())));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t\n"})
        void needs_a_customer_name(String customerName) {
            whenCreating(() -> Order.create(order, customerName, "customer-42", address))
                    .thenRejectedWith("order.customer_name_required");
        }
    }

    @Nested
    @DisplayName("adding an item")
    class AddingItems {

        @Test
        void puts_a_line_on_a_pending_order() {
            given(orderCreated)
                    .when(pending -> pending.addItem(keyboardLine, "Keyboard", keyboardProduct, 2, 4_999))
                    .then(keyboardAdded)
                    .andState(withKeyboard -> assertAll(
                            () -> assertEquals(List.of(new OrderLine(keyboardLine, "Keyboard", keyboardProduct, 2,
                                    4_999)), withKeyboard.lines()),
                            () -> assertEquals(9_998, withKeyboard.totalCents()),
                            () -> assertEquals(2, withKeyboard.itemCount())));
        }

        @Test
        void trims_the_product_name() {
            given(orderCreated)
                    .when(pending -> pending.addItem(mouseLine, " Mouse  ", null, 1, 2_500))
                    .then(mouseAdded);
        }

        @Test
        void accepts_a_free_item() {
            given(orderCreated)
                    .when(pending -> pending.addItem(mouseLine, "Sticker", null, 3, 0))
                    .then(new ItemAdded(orderId, mouseLine.value(), "Sticker", null, 3, 0))
                    .andState(withSticker -> assertEquals(0, withSticker.totalCents()));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void needs_a_product_name(String productName) {
            given(orderCreated)
                    .when(pending -> pending.addItem(mouseLine, productName, null, 1, 2_500))
                    .thenRejectedWith("order.product_name_required");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
        void needs_a_quantity_of_at_least_one(int quantity) {
            given(orderCreated)
                    .when(pending -> pending.addItem(mouseLine, "Mouse", null, quantity, 2_500))
                    .thenRejectedWith("order.invalid_quantity");
        }

        @ParameterizedTest
        @ValueSource(longs = {-1, Long.MIN_VALUE})
        void refuses_a_negative_unit_price(long unitPriceCents) {
            given(orderCreated)
                    .when(pending -> pending.addItem(mouseLine, "Mouse", null, 1, unitPriceCents))
                    .thenRejectedWith("order.invalid_unit_price");
        }

        @Test
        void refuses_a_line_id_the_order_already_has() {
            given(orderCreated, keyboardAdded)
                    .when(pending -> pending.addItem(keyboardLine, "Mouse", null, 1, 2_500))
                    .thenRejectedWith("order.duplicate_line");
        }

        @Test
        void accepts_the_line_id_of_a_removed_line_because_ids_are_unique_among_current_lines() {
            given(orderCreated, keyboardAdded, keyboardRemoved)
                    .when(pending -> pending.addItem(keyboardLine, "Keyboard", keyboardProduct, 2, 4_999))
                    .then(new ItemAdded(orderId, keyboardLine.value(), "Keyboard", keyboardProduct, 2, 4_999));
        }

        @Test
        void refuses_a_line_whose_own_total_overflows() {
            given(orderCreated)
                    .when(pending -> pending.addItem(mouseLine, "Gold bar", null, 2, Long.MAX_VALUE / 2 + 1))
                    .thenRejectedWith("order.total_overflow");
        }

        @Test
        void refuses_a_line_that_makes_the_order_total_overflow() {
            given(orderCreated, new ItemAdded(orderId, keyboardLine.value(), "Yacht", null, 1, Long.MAX_VALUE - 10))
                    .when(pending -> pending.addItem(mouseLine, "Mouse", null, 1, 11))
                    .thenRejectedWith("order.total_overflow");
        }

        @Test
        void accepts_a_line_that_brings_the_total_exactly_to_the_limit() {
            given(orderCreated, new ItemAdded(orderId, keyboardLine.value(), "Yacht", null, 1, Long.MAX_VALUE - 10))
                    .when(pending -> pending.addItem(mouseLine, "Mouse", null, 1, 10))
                    .then(new ItemAdded(orderId, mouseLine.value(), "Mouse", null, 1, 10))
                    .andState(atTheLimit -> assertEquals(Long.MAX_VALUE, atTheLimit.totalCents()));
        }

        @Test
        void refuses_a_line_that_makes_the_item_count_overflow() {
            given(orderCreated, new ItemAdded(orderId, keyboardLine.value(), "Sticker", null, Integer.MAX_VALUE, 0))
                    .when(pending -> pending.addItem(mouseLine, "Sticker", null, 1, 0))
                    .thenRejectedWith("order.total_overflow");
        }

        @ParameterizedTest
        @EnumSource(value = OrderStatus.class, names = {"PENDING", "CHECKING_OUT"}, mode = EnumSource.Mode.EXCLUDE)
        void is_refused_once_the_order_is_no_longer_pending(OrderStatus status) {
            given(historyIn(status))
                    .when(notPending -> notPending.addItem(mouseLine, "Mouse", null, 1, 2_500))
                    .thenRejectedWith("order.not_pending");
        }
    }

    @Nested
    @DisplayName("removing an item")
    class RemovingItems {

        @Test
        void takes_the_line_off_and_says_what_it_held() {
            given(orderCreated, keyboardAdded, mouseAdded)
                    .when(pending -> pending.removeItem(keyboardLine))
                    .then(keyboardRemoved)
                    .andState(mouseOnly -> assertAll(
                            () -> assertEquals(List.of(new OrderLine(mouseLine, "Mouse", null, 1, 2_500)),
                                    mouseOnly.lines()),
                            () -> assertEquals(2_500, mouseOnly.totalCents()),
                            () -> assertEquals(1, mouseOnly.itemCount())));
        }

        @Test
        void refuses_a_line_the_order_does_not_have() {
            given(orderCreated, mouseAdded)
                    .when(pending -> pending.removeItem(keyboardLine))
                    .thenRejectedWith("order.line_not_found");
        }

        @Test
        void refuses_a_line_that_was_already_removed() {
            given(orderCreated, keyboardAdded, keyboardRemoved)
                    .when(pending -> pending.removeItem(keyboardLine))
                    .thenRejectedWith("order.line_not_found");
        }

        @ParameterizedTest
        @EnumSource(value = OrderStatus.class, names = {"PENDING", "CHECKING_OUT"}, mode = EnumSource.Mode.EXCLUDE)
        void is_refused_once_the_order_is_no_longer_pending(OrderStatus status) {
            given(historyIn(status))
                    .when(notPending -> notPending.removeItem(keyboardLine))
                    .thenRejectedWith("order.not_pending");
        }
    }

    @Nested
    @DisplayName("reserving inventory")
    class ReservingInventory {

        @Test
        void freezes_a_pending_order_with_items() {
            given(orderCreated, keyboardAdded)
                    .when(pending -> pending.reserveInventory("reservation-7"))
                    .then(inventoryReserved)
                    .andState(reserved -> assertAll(
                            () -> assertEquals(INVENTORY_RESERVED, reserved.status()),
                            () -> assertEquals("reservation-7", reserved.reservationId())));
        }

        @Test
        void needs_at_least_one_item() {
            given(orderCreated)
                    .when(empty -> empty.reserveInventory("reservation-7"))
                    .thenRejectedWith("order.no_items");
        }

        @Test
        void needs_at_least_one_item_even_if_items_were_added_before() {
            given(orderCreated, keyboardAdded, keyboardRemoved)
                    .when(emptiedAgain -> emptiedAgain.reserveInventory("reservation-7"))
                    .thenRejectedWith("order.no_items");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" "})
        void needs_a_reservation_id(String reservationId) {
            given(orderCreated, keyboardAdded)
                    .when(pending -> pending.reserveInventory(reservationId))
                    .thenRejectedWith("order.reservation_id_required");
        }

        @ParameterizedTest
        @EnumSource(value = OrderStatus.class, names = {"PENDING", "CHECKING_OUT"}, mode = EnumSource.Mode.EXCLUDE)
        void is_refused_unless_the_order_is_pending(OrderStatus status) {
            given(historyIn(status))
                    .when(notPending -> notPending.reserveInventory("reservation-8"))
                    .thenRejectedWith("order.not_pending");
        }
    }

    @Nested
    @DisplayName("processing payment")
    class ProcessingPayment {

        @Test
        void records_payment_of_exactly_the_total_once_inventory_is_reserved() {
            given(orderCreated, keyboardAdded, inventoryReserved)
                    .when(reserved -> reserved.processPayment("payment-9", 9_998))
                    .then(paymentProcessed)
                    .andState(paid -> assertAll(
                            () -> assertEquals(PAYMENT_PROCESSED, paid.status()),
                            () -> assertEquals("payment-9", paid.paymentId())));
        }

        @ParameterizedTest
        @ValueSource(longs = {9_997, 9_999, 0, -9_998})
        void refuses_an_amount_other_than_the_order_total(long amountCents) {
            var violation = given(orderCreated, keyboardAdded, inventoryReserved)
                    .when(reserved -> reserved.processPayment("payment-9", amountCents))
                    .thenRejectedWith("order.payment_amount_mismatch");

            assertTrue(violation.getMessage().contains("expected 9998"), violation::getMessage);
            assertTrue(violation.getMessage().contains("given " + amountCents), violation::getMessage);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"\t"})
        void needs_a_payment_id(String paymentId) {
            given(orderCreated, keyboardAdded, inventoryReserved)
                    .when(reserved -> reserved.processPayment(paymentId, 9_998))
                    .thenRejectedWith("order.payment_id_required");
        }

        @ParameterizedTest
        @EnumSource(value = OrderStatus.class, names = {"INVENTORY_RESERVED", "CHECKING_OUT"}, mode = EnumSource.Mode.EXCLUDE)
        void is_refused_unless_inventory_is_reserved(OrderStatus status) {
            given(historyIn(status))
                    .when(notReserved -> notReserved.processPayment("payment-10", 9_998))
                    .thenRejectedWith("order.inventory_not_reserved");
        }
    }

    @Nested
    @DisplayName("confirming")
    class Confirming {

        @Test
        void takes_the_short_road_from_a_pending_order_with_items() {
            given(orderCreated, keyboardAdded, mouseAdded)
                    .when(pending -> pending.confirm())
                    .then(new OrderConfirmed(orderId, 12_498))
                    .andState(confirmed -> assertEquals(CONFIRMED, confirmed.status()));
        }

        @Test
        void completes_the_full_road_after_reservation_and_payment() {
            given(orderCreated, keyboardAdded, inventoryReserved, paymentProcessed)
                    .when(paid -> paid.confirm())
                    .then(orderConfirmed)
                    .andState(confirmed -> assertAll(
                            () -> assertEquals(CONFIRMED, confirmed.status()),
                            () -> assertEquals("reservation-7", confirmed.reservationId()),
                            () -> assertEquals("payment-9", confirmed.paymentId())));
        }

        @Test
        void needs_at_least_one_item() {
            given(orderCreated)
                    .when(empty -> empty.confirm())
                    .thenRejectedWith("order.no_items");
        }

        @Test
        void needs_at_least_one_item_even_if_items_were_added_before() {
            given(orderCreated, keyboardAdded, keyboardRemoved)
                    .when(emptiedAgain -> emptiedAgain.confirm())
                    .thenRejectedWith("order.no_items");
        }

        @Test
        void is_refused_while_reserved_inventory_awaits_payment() {
            given(historyIn(INVENTORY_RESERVED))
                    .when(reserved -> reserved.confirm())
                    .thenRejectedWith("order.payment_outstanding");
        }

        @Test
        void is_refused_for_an_order_already_confirmed() {
            given(historyIn(CONFIRMED))
                    .when(confirmed -> confirmed.confirm())
                    .thenRejectedWith("order.already_confirmed");
        }

        @Test
        void is_refused_for_a_cancelled_order() {
            given(historyIn(CANCELLED))
                    .when(cancelled -> cancelled.confirm())
                    .thenRejectedWith("order.already_cancelled");
        }
    }

    @Nested
    @DisplayName("cancelling")
    class Cancelling {

        @ParameterizedTest
        @EnumSource(value = OrderStatus.class, names = {"PENDING", "INVENTORY_RESERVED", "PAYMENT_PROCESSED"})
        void is_possible_at_any_point_before_confirmation(OrderStatus status) {
            given(historyIn(status))
                    .when(open -> open.cancel("customer changed their mind"))
                    .then(orderCancelled)
                    .andState(cancelled -> assertAll(
                            () -> assertEquals(CANCELLED, cancelled.status()),
                            () -> assertEquals("customer changed their mind", cancelled.cancellationReason())));
        }

        @Test
        void is_possible_for_an_empty_order() {
            given(orderCreated)
                    .when(empty -> empty.cancel("opened by mistake"))
                    .then(new OrderCancelled(orderId, "opened by mistake"));
        }

        @Test
        void trims_the_reason() {
            given(orderCreated, keyboardAdded)
                    .when(pending -> pending.cancel("  customer changed their mind\n"))
                    .then(orderCancelled);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void needs_a_reason(String reason) {
            given(orderCreated, keyboardAdded)
                    .when(pending -> pending.cancel(reason))
                    .thenRejectedWith("order.cancel_reason_required");
        }

        @Test
        void is_refused_once_the_order_is_confirmed() {
            given(historyIn(CONFIRMED))
                    .when(confirmed -> confirmed.cancel("too late"))
                    .thenRejectedWith("order.already_confirmed");
        }

        @Test
        void is_refused_for_an_order_already_cancelled() {
            given(historyIn(CANCELLED))
                    .when(cancelled -> cancelled.cancel("twice"))
                    .thenRejectedWith("order.already_cancelled");
        }
    }

    @Nested
    @DisplayName("replaying the history")
    class Replaying {

        @Test
        void sums_totals_and_item_counts_over_the_current_lines() {
            given(orderCreated, keyboardAdded, mouseAdded)
                    .thenState(replayed -> assertAll(
                            () -> assertEquals(12_498, replayed.totalCents()),
                            () -> assertEquals(3, replayed.itemCount())));
        }

        @Test
        void leaves_removed_lines_out_of_totals_and_item_count() {
            given(orderCreated, keyboardAdded, mouseAdded, keyboardRemoved)
                    .thenState(replayed -> assertAll(
                            () -> assertEquals(2_500, replayed.totalCents()),
                            () -> assertEquals(1, replayed.itemCount()),
                            () -> assertEquals(List.of(mouseLine),
                                    replayed.lines().stream().map(OrderLine::lineId).toList())));
        }

        @Test
        void keeps_lines_in_the_order_they_were_added_and_does_not_let_them_be_modified() {
            given(orderCreated, mouseAdded, keyboardAdded)
                    .thenState(replayed -> {
                        assertEquals(List.of(mouseLine, keyboardLine),
                                replayed.lines().stream().map(OrderLine::lineId).toList());
                        assertThrows(UnsupportedOperationException.class, () -> replayed.lines().clear());
                    });
        }

        @Test
        void remembers_the_cancellation_reason() {
            given(historyIn(CANCELLED))
                    .thenState(replayed -> assertAll(
                            () -> assertEquals(CANCELLED, replayed.status()),
                            () -> assertEquals("customer changed their mind", replayed.cancellationReason()),
                            () -> assertNull(replayed.reservationId()),
                            () -> assertNull(replayed.paymentId())));
        }

        @Test
        void refuses_an_empty_history() {
            assertThrows(IllegalArgumentException.class, () -> Order.replay(List.of()));
        }

        @Test
        void refuses_a_history_that_does_not_start_with_the_order_being_created() {
            assertThrows(IllegalArgumentException.class, () -> Order.replay(List.of(keyboardAdded, orderCreated)));
        }

        @Test
        void refuses_a_history_that_mixes_in_another_orders_events() {
            ItemAdded foreign = new ItemAdded(UUID.fromString("5d3c1a9e-7f2b-4c1d-9a8e-000000000002"),
                    mouseLine.value(), "Mouse", null, 1, 2_500);

            assertThrows(IllegalArgumentException.class, () -> Order.replay(List.of(orderCreated, foreign)));
        }
    }

    @Nested
    @DisplayName("deciding and applying")
    class DecidingAndApplying {

        @Test
        void a_decision_does_not_change_the_order_until_its_events_are_applied() {
            Order pending = Order.replay(List.of(historyIn(PENDING)));

            List<OrderEvent> decided = pending.confirm();
            assertEquals(PENDING, pending.status());

            decided.forEach(pending::apply);
            assertEquals(CONFIRMED, pending.status());
        }

        @Test
        void a_whole_order_is_decided_and_applied_step_by_step() {
            List<OrderEvent> history = new ArrayList<>(
                    Order.create(order, "Ada Lovelace", "customer-42", address));
            Order current = Order.replay(history);

            for (var step : List.<Function<Order, List<OrderEvent>>>of(
                    o -> o.addItem(keyboardLine, "Keyboard", keyboardProduct, 2, 4_999),
                    o -> o.addItem(mouseLine, "Mouse", null, 1, 2_500),
                    o -> o.removeItem(mouseLine),
                    o -> o.reserveInventory("reservation-7"),
                    o -> o.processPayment("payment-9", o.totalCents()),
                    Order::confirm)) {
                List<OrderEvent> decided = step.apply(current);
                decided.forEach(current::apply);
                history.addAll(decided);
            }

            assertEquals(List.of(orderCreated, keyboardAdded, mouseAdded,
                    new ItemRemoved(orderId, mouseLine.value(), "Mouse", 1, 2_500),
                    inventoryReserved, paymentProcessed, orderConfirmed), history);
            Order replayed = Order.replay(history);
            assertAll(
                    () -> assertEquals(CONFIRMED, replayed.status()),
                    () -> assertEquals(9_998, replayed.totalCents()),
                    () -> assertEquals(current.lines(), replayed.lines()));
        }

        @TestFactory
        Stream<DynamicTest> apply_handles_every_permitted_event_type() {
            Class<?>[] eventTypes = OrderEvent.class.getPermittedSubclasses();
            assertFalse(eventTypes.length == 0, "OrderEvent should be sealed");
            return Arrays.stream(eventTypes).map(type -> dynamicTest(type.getSimpleName(), () -> {
                OrderEvent sample = (OrderEvent) SampleRecords.sampleOf(type);
                Order anOrder = Order.replay(List.of(orderCreated));
                try {
                    anOrder.apply(sample);
                } catch (IllegalStateException unhandled) {
                    fail(type.getSimpleName() + " is not handled by Order.apply", unhandled);
                }
            }));
        }
    }

    @Nested
    @DisplayName("checking out")
    class CheckingOut {

        @Test
        void freezes_a_pending_order_and_records_the_amount_to_charge() {
            given(orderCreated, keyboardAdded)
                    .when(Order::startCheckout)
                    .then(checkoutStarted)
                    .andState(checkingOut -> assertAll(
                            () -> assertEquals(OrderStatus.CHECKING_OUT, checkingOut.status()),
                            () -> assertTrue(checkingOut.checkoutRunning())));
        }

        @Test
        void needs_items() {
            given(orderCreated)
                    .when(Order::startCheckout)
                    .thenRejectedWith("order.no_items");
        }

        @Test
        void is_refused_while_a_checkout_runs() {
            given(orderCreated, keyboardAdded, checkoutStarted)
                    .when(Order::startCheckout)
                    .thenRejectedWith("order.checkout_running");
        }

        @ParameterizedTest
        @EnumSource(value = OrderStatus.class, names = {"INVENTORY_RESERVED", "PAYMENT_PROCESSED", "CONFIRMED",
                "CANCELLED"})
        void is_refused_once_the_order_left_pending(OrderStatus status) {
            given(historyIn(status))
                    .when(Order::startCheckout)
                    .thenRejectedWith("order.not_pending");
        }

        @Test
        void records_the_reserved_stock_under_a_derived_reservation_id() {
            given(orderCreated, keyboardAdded, checkoutStarted)
                    .when(Order::checkoutStockReserved)
                    .then(checkoutReserved)
                    .andState(reserved -> assertEquals(INVENTORY_RESERVED, reserved.status()));
        }

        @Test
        void records_the_reservation_only_once() {
            given(orderCreated, keyboardAdded, checkoutStarted, checkoutReserved)
                    .when(Order::checkoutStockReserved)
                    .thenNothingHappened();
        }

        @Test
        void pays_and_confirms_in_one_decision() {
            given(orderCreated, keyboardAdded, checkoutStarted, checkoutReserved)
                    .when(reserved -> reserved.checkoutPaid("auth-1", 9_998))
                    .then(new PaymentProcessed(orderId, "auth-1", 9_998), orderConfirmed)
                    .andState(confirmed -> assertAll(
                            () -> assertEquals(CONFIRMED, confirmed.status()),
                            () -> assertFalse(confirmed.checkoutRunning())));
        }

        @Test
        void records_the_same_payment_only_once() {
            given(orderCreated, keyboardAdded, checkoutStarted, checkoutReserved,
                    new PaymentProcessed(orderId, "auth-1", 9_998), orderConfirmed)
                    .when(confirmed -> confirmed.checkoutPaid("auth-1", 9_998))
                    .thenNothingHappened();
        }

        @Test
        void refuses_a_payment_before_the_stock_is_reserved() {
            given(orderCreated, keyboardAdded, checkoutStarted)
                    .when(checkingOut -> checkingOut.checkoutPaid("auth-1", 9_998))
                    .thenRejectedWith("order.inventory_not_reserved");
        }

        @Test
        void refuses_a_late_approval_after_the_checkout_failed_so_that_it_is_refunded() {
            given(orderCreated, keyboardAdded, checkoutStarted, checkoutReserved,
                    new CheckoutFailed(orderId, CheckoutFailed.PAYMENT_TIMEOUT, null, "no answer"),
                    new OrderCancelled(orderId, "no answer"))
                    .when(cancelled -> cancelled.checkoutPaid("auth-1", 9_998))
                    .thenRejectedWith("order.already_cancelled");
        }

        @Test
        void gives_up_with_a_machine_readable_reason_and_cancels_the_order() {
            given(orderCreated, keyboardAdded, checkoutStarted)
                    .when(checkingOut -> checkingOut.abandonCheckout(CheckoutFailed.OUT_OF_STOCK, keyboardProduct,
                            " keyboard out of stock "))
                    .then(new CheckoutFailed(orderId, "out_of_stock", keyboardProduct, "keyboard out of stock"),
                            new OrderCancelled(orderId, "keyboard out of stock"))
                    .andState(cancelled -> assertAll(
                            () -> assertEquals(CANCELLED, cancelled.status()),
                            () -> assertEquals("out_of_stock", cancelled.cancellationCode()),
                            () -> assertEquals(keyboardProduct, cancelled.cancellationProductId())));
        }

        @Test
        void gives_up_only_once() {
            given(orderCreated, keyboardAdded, checkoutStarted,
                    new CheckoutFailed(orderId, "out_of_stock", keyboardProduct, "gone"), new OrderCancelled(orderId, "gone"))
                    .when(cancelled -> cancelled.abandonCheckout(CheckoutFailed.ABORTED, null, "operator"))
                    .thenNothingHappened();
        }

        @Test
        void cannot_give_up_a_confirmed_order() {
            given(orderCreated, keyboardAdded, checkoutStarted, checkoutReserved,
                    new PaymentProcessed(orderId, "auth-1", 9_998), orderConfirmed)
                    .when(confirmed -> confirmed.abandonCheckout(CheckoutFailed.ABORTED, null, "operator"))
                    .thenRejectedWith("order.already_confirmed");
        }

        @Test
        void its_steps_need_a_checkout() {
            given(orderCreated, keyboardAdded, inventoryReserved)
                    .when(Order::checkoutStockReserved)
                    .thenRejectedWith("order.no_checkout");
        }

        @Test
        void the_clients_own_steps_are_refused_while_it_runs() {
            OrderEvent[] running = {orderCreated, keyboardAdded, checkoutStarted, checkoutReserved};
            given(running).when(o -> o.reserveInventory("R-1")).thenRejectedWith("order.checkout_running");
            given(running).when(o -> o.processPayment("P-1", 9_998)).thenRejectedWith("order.checkout_running");
            given(running).when(Order::confirm).thenRejectedWith("order.checkout_running");
            given(running).when(o -> o.cancel("changed my mind")).thenRejectedWith("order.checkout_running");
            given(running).when(o -> o.addItem(mouseLine, "Mouse", null, 1, 2_500))
                    .thenRejectedWith("order.checkout_running");
        }
    }
}
