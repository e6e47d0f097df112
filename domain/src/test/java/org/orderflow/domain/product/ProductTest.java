package org.orderflow.domain.product;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
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
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.orderflow.domain.AggregateScenario;
import org.orderflow.domain.AggregateScenario.Outcome;
import org.orderflow.domain.SampleRecords;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProductTest {

    private final ProductId product = ProductId.of("9b2e4f60-1c3d-4e5f-8a7b-000000000001");
    private final UUID productId = product.value();

    private final ProductCreated keyboardCreated = new ProductCreated(productId, "Keyboard", 4_999, "peripherals", "PERI-9B2E4F60");
    private final PriceUpdated keyboardRepriced = new PriceUpdated(productId, 4_999, 3_999);
    private final ProductDeleted keyboardDeleted = new ProductDeleted(productId);

    private static AggregateScenario<Product, ProductEvent> given(ProductEvent... history) {
        return AggregateScenario.given(Product::replay, history);
    }

    private static Outcome<Product, ProductEvent> whenCreating(Supplier<List<ProductEvent>> creation) {
        return AggregateScenario.<Product, ProductEvent>whenCreating(Product::replay, creation);
    }

    @Nested
    @DisplayName("creating a product")
    class Creating {

        @Test
        void keeps_a_sku_given_explicitly() {
            whenCreating(() -> Product.create(product, "Keyboard", 4_999, "peripherals", new Sku("KB-100")))
                    .then(new ProductCreated(productId, "Keyboard", 4_999, "peripherals", "KB-100"))
                    .andState(keyboard -> assertEquals("KB-100", keyboard.sku()));
        }

        @Test
        void lists_it_in_the_catalogue_at_its_price() {
            whenCreating(() -> Product.create(product, "Keyboard", 4_999, "peripherals"))
                    .then(keyboardCreated)
                    .andState(keyboard -> assertAll(
                            () -> assertEquals(product, keyboard.id()),
                            () -> assertEquals("Keyboard", keyboard.name()),
                            () -> assertEquals(4_999, keyboard.priceCents()),
                            () -> assertEquals("peripherals", keyboard.categoryId()),
                            () -> assertFalse(keyboard.deleted())));
        }

        @Test
        void trims_the_name() {
            whenCreating(() -> Product.create(product, "  Keyboard ", 4_999, "peripherals"))
                    .then(keyboardCreated);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" \t"})
        void needs_a_name(String name) {
            whenCreating(() -> Product.create(product, name, 4_999, "peripherals"))
                    .thenRejectedWith("product.name_required");
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -1, Long.MIN_VALUE})
        void needs_a_price_above_zero(long priceCents) {
            whenCreating(() -> Product.create(product, "Keyboard", priceCents, "peripherals"))
                    .thenRejectedWith("product.invalid_price");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void needs_a_category(String categoryId) {
            whenCreating(() -> Product.create(product, "Keyboard", 4_999, categoryId))
                    .thenRejectedWith("product.category_required");
        }
    }

    @Nested
    @DisplayName("updating the price")
    class UpdatingThePrice {

        @Test
        void records_the_old_and_the_new_price() {
            given(keyboardCreated)
                    .when(keyboard -> keyboard.updatePrice(3_999))
                    .then(keyboardRepriced)
                    .andState(repriced -> assertEquals(3_999, repriced.priceCents()));
        }

        @Test
        void compares_against_the_latest_price() {
            given(keyboardCreated, keyboardRepriced)
                    .when(keyboard -> keyboard.updatePrice(4_499))
                    .then(new PriceUpdated(productId, 3_999, 4_499));
        }

        @Test
        void records_nothing_when_the_price_stays_the_same() {
            given(keyboardCreated, keyboardRepriced)
                    .when(keyboard -> keyboard.updatePrice(3_999))
                    .thenNothingHappened()
                    .andState(unchanged -> assertEquals(3_999, unchanged.priceCents()));
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -1})
        void needs_a_price_above_zero(long newPriceCents) {
            given(keyboardCreated)
                    .when(keyboard -> keyboard.updatePrice(newPriceCents))
                    .thenRejectedWith("product.invalid_price");
        }

        @Test
        void is_refused_for_a_deleted_product() {
            given(keyboardCreated, keyboardDeleted)
                    .when(deleted -> deleted.updatePrice(3_999))
                    .thenRejectedWith("product.deleted");
        }

        @Test
        void is_refused_for_a_deleted_product_even_at_the_same_price() {
            given(keyboardCreated, keyboardDeleted)
                    .when(deleted -> deleted.updatePrice(4_999))
                    .thenRejectedWith("product.deleted");
        }
    }

    @Nested
    @DisplayName("deleting")
    class Deleting {

        @Test
        void withdraws_the_product_for_good() {
            given(keyboardCreated, keyboardRepriced)
                    .when(keyboard -> keyboard.delete())
                    .then(keyboardDeleted)
                    .andState(deleted -> assertAll(
                            () -> assertTrue(deleted.deleted()),
                            () -> assertEquals(3_999, deleted.priceCents())));
        }

        @Test
        void is_refused_for_a_product_already_deleted() {
            given(keyboardCreated, keyboardDeleted)
                    .when(deleted -> deleted.delete())
                    .thenRejectedWith("product.deleted");
        }
    }

    @Nested
    @DisplayName("replaying the history")
    class Replaying {

        @Test
        void refuses_an_empty_history() {
            assertThrows(IllegalArgumentException.class, () -> Product.replay(List.of()));
        }

        @Test
        void refuses_a_history_that_does_not_start_with_the_product_being_created() {
            assertThrows(IllegalArgumentException.class,
                    () -> Product.replay(List.of(keyboardRepriced, keyboardCreated)));
        }

        @Test
        void refuses_a_history_that_mixes_in_another_products_events() {
            ProductDeleted foreign = new ProductDeleted(UUID.fromString("9b2e4f60-1c3d-4e5f-8a7b-000000000002"));

            assertThrows(IllegalArgumentException.class, () -> Product.replay(List.of(keyboardCreated, foreign)));
        }

        @TestFactory
        Stream<DynamicTest> apply_handles_every_permitted_event_type() {
            Class<?>[] eventTypes = ProductEvent.class.getPermittedSubclasses();
            assertFalse(eventTypes.length == 0, "ProductEvent should be sealed");
            return Arrays.stream(eventTypes).map(type -> dynamicTest(type.getSimpleName(), () -> {
                ProductEvent sample = (ProductEvent) SampleRecords.sampleOf(type);
                Product aProduct = Product.replay(List.of(keyboardCreated));
                try {
                    aProduct.apply(sample);
                } catch (IllegalStateException unhandled) {
                    fail(type.getSimpleName() + " is not handled by Product.apply", unhandled);
                }
            }));
        }
    }

    @Nested
    @DisplayName("product id")
    class Identity {

        @Test
        void reads_and_prints_its_uuid() {
            assertEquals("9b2e4f60-1c3d-4e5f-8a7b-000000000001", ProductId.of(product.toString()).toString());
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"keyboard", "1-2-3-4-5"})
        void refuses_text_that_is_not_a_canonical_uuid(String text) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ProductId.of(text));

            assertTrue(refused.getMessage().startsWith("product id"), refused::getMessage);
        }
    }

    @Nested
    @DisplayName("stock")
    class Stock {

        private final UUID firstOrder = UUID.fromString("9b2e4f60-1c3d-4e5f-8a7b-0000000000a1");
        private final UUID secondOrder = UUID.fromString("9b2e4f60-1c3d-4e5f-8a7b-0000000000a2");
        private final StockReceived fiveReceived = new StockReceived(productId, 5);

        @Test
        void received_stock_is_on_hand_and_available() {
            given(keyboardCreated)
                    .when(keyboard -> keyboard.receiveStock(5))
                    .then(fiveReceived)
                    .andState(stocked -> assertAll(
                            () -> assertEquals(5, stocked.onHand()),
                            () -> assertEquals(5, stocked.available()),
                            () -> assertEquals(0, stocked.reserved())));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, Product.MAX_RECEIVED + 1})
        void a_delivery_needs_a_sensible_quantity(int quantity) {
            given(keyboardCreated)
                    .when(keyboard -> keyboard.receiveStock(quantity))
                    .thenRejectedWith("stock.invalid_quantity");
        }

        @Test
        void a_deleted_product_receives_no_stock() {
            given(keyboardCreated, keyboardDeleted)
                    .when(deleted -> deleted.receiveStock(5))
                    .thenRejectedWith("product.deleted");
        }

        @Test
        void a_reservation_takes_units_out_of_what_is_available() {
            given(keyboardCreated, fiveReceived)
                    .when(keyboard -> keyboard.reserveStock(firstOrder, 3))
                    .then(new StockReserved(productId, firstOrder, 3))
                    .andState(reserved -> assertAll(
                            () -> assertEquals(5, reserved.onHand()),
                            () -> assertEquals(3, reserved.reserved()),
                            () -> assertEquals(2, reserved.available())));
        }

        @Test
        void a_reservation_larger_than_what_is_available_is_refused_naming_the_figures() {
            var refusal = given(keyboardCreated, fiveReceived, new StockReserved(productId, firstOrder, 3))
                    .when(keyboard -> keyboard.reserveStock(secondOrder, 3))
                    .thenRejectedWith("stock.insufficient");
            InsufficientStock insufficient = (InsufficientStock) refusal;
            assertAll(
                    () -> assertEquals(productId, insufficient.productId()),
                    () -> assertEquals(3, insufficient.requested()),
                    () -> assertEquals(2, insufficient.available()));
        }

        @Test
        void the_last_units_can_be_reserved_and_then_nothing_more() {
            given(keyboardCreated, fiveReceived, new StockReserved(productId, firstOrder, 5))
                    .when(keyboard -> keyboard.reserveStock(secondOrder, 1))
                    .thenRejectedWith("stock.insufficient");
        }

        @Test
        void reserving_again_for_the_same_order_records_nothing() {
            given(keyboardCreated, fiveReceived, new StockReserved(productId, firstOrder, 3))
                    .when(keyboard -> keyboard.reserveStock(firstOrder, 3))
                    .thenNothingHappened()
                    .andState(keyboard -> assertEquals(2, keyboard.available()));
        }

        @Test
        void a_deleted_product_takes_no_new_reservation() {
            given(keyboardCreated, fiveReceived, keyboardDeleted)
                    .when(deleted -> deleted.reserveStock(firstOrder, 1))
                    .thenRejectedWith("product.deleted");
        }

        @Test
        void releasing_gives_the_whole_reservation_back() {
            given(keyboardCreated, fiveReceived, new StockReserved(productId, firstOrder, 3))
                    .when(keyboard -> keyboard.releaseStock(firstOrder))
                    .then(new StockReleased(productId, firstOrder, 3))
                    .andState(released -> assertAll(
                            () -> assertEquals(0, released.reserved()),
                            () -> assertEquals(5, released.available())));
        }

        @Test
        void releasing_what_is_not_reserved_records_nothing() {
            given(keyboardCreated, fiveReceived, new StockReserved(productId, firstOrder, 3),
                    new StockReleased(productId, firstOrder, 3))
                    .when(keyboard -> keyboard.releaseStock(firstOrder))
                    .thenNothingHappened();
        }

        @Test
        void committing_turns_the_reservation_into_a_sale_that_stays_on_hand() {
            given(keyboardCreated, fiveReceived, new StockReserved(productId, firstOrder, 3))
                    .when(keyboard -> keyboard.commitStock(firstOrder))
                    .then(new StockCommitted(productId, firstOrder, 3))
                    .andState(sold -> assertAll(
                            () -> assertEquals(5, sold.onHand()),
                            () -> assertEquals(3, sold.committed()),
                            () -> assertEquals(0, sold.reserved()),
                            () -> assertEquals(2, sold.available())));
        }

        @Test
        void committing_twice_records_nothing_the_second_time() {
            given(keyboardCreated, fiveReceived, new StockReserved(productId, firstOrder, 3),
                    new StockCommitted(productId, firstOrder, 3))
                    .when(keyboard -> keyboard.commitStock(firstOrder))
                    .thenNothingHappened()
                    .andState(keyboard -> assertEquals(3, keyboard.committed()));
        }

        @Test
        void a_deleted_product_still_releases_and_commits_what_it_reserved() {
            given(keyboardCreated, fiveReceived, new StockReserved(productId, firstOrder, 3),
                    new StockReserved(productId, secondOrder, 1), keyboardDeleted)
                    .when(deleted -> deleted.releaseStock(firstOrder))
                    .then(new StockReleased(productId, firstOrder, 3));
            given(keyboardCreated, fiveReceived, new StockReserved(productId, secondOrder, 1), keyboardDeleted)
                    .when(deleted -> deleted.commitStock(secondOrder))
                    .then(new StockCommitted(productId, secondOrder, 1));
        }
    }
}
