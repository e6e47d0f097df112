package org.orderflow.domain.product;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.orderflow.domain.AggregateFields;

class ProductSnapshotTest {

    private final UUID id = UUID.fromString("9b2e4f60-1c3d-4e5f-8a7b-000000000001");
    private final List<ProductEvent> history = List.of(
            new ProductCreated(id, "Keyboard", 4_999, "peripherals", "KB-1"),
            new PriceUpdated(id, 4_999, 3_999),
            new StockReceived(id, 10),
            new StockReserved(id, order(1), 3),
            new StockReserved(id, order(2), 2),
            new StockCommitted(id, order(1), 3),
            new StockReleased(id, order(2), 2),
            new StockReserved(id, order(3), 4),
            new ProductDeleted(id));

    private static UUID order(int n) {
        return UUID.fromString("9b2e4f60-1c3d-4e5f-8a7b-0000000000a" + n);
    }

    @Test
    void given_a_snapshot_at_any_version_when_the_tail_is_applied_then_the_state_equals_the_full_replay() {
        var full = AggregateFields.of(Product.replay(history));
        for (int cut = 1; cut <= history.size(); cut++) {
            Product restored = Product.restore(Product.replay(history.subList(0, cut)).snapshot());
            history.subList(cut, history.size()).forEach(restored::apply);

            assertEquals(full, AggregateFields.of(restored), "state after a snapshot at " + cut + " events");
        }
    }

    @Test
    void given_a_deleted_product_when_snapshotted_then_deletion_and_sku_are_kept() {
        ProductSnapshot snapshot = Product.replay(history).snapshot();

        assertEquals(new ProductSnapshot(id, "Keyboard", 3_999, "peripherals", "KB-1", true, 10, 3,
                List.of(new ProductSnapshot.Reservation(order(3), 4))), snapshot);
    }
}
