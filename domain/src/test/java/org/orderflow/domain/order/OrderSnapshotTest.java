package org.orderflow.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.orderflow.domain.AggregateFields;
import org.orderflow.domain.DomainRuleViolation;

/**
 * For random command histories: restoring a snapshot taken at any point and applying the rest
 * of the events gives exactly the state of replaying the whole history.
 */
class OrderSnapshotTest {

    @Property(tries = 400)
    void snapshot_plus_tail_equals_full_replay(
            @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 10) Integer> commands,
            @ForAll long seed,
            @ForAll @DoubleRange(min = 0, max = 1) double cutAt) {
        // given a history produced by deciding random commands (refused ones record nothing)
        List<OrderEvent> history = decide(commands, new Random(seed));
        int cut = 1 + (int) Math.floor(cutAt * (history.size() - 1));

        // when the state at the cut is snapshotted, restored, and the tail applied
        Order restored = Order.restore(Order.replay(history.subList(0, cut)).snapshot());
        history.subList(cut, history.size()).forEach(restored::apply);

        // then it equals the full replay, field by field (not only in what the snapshot form holds)
        assertEquals(AggregateFields.of(Order.replay(history)), AggregateFields.of(restored));
    }

    @Property(tries = 200)
    void a_snapshot_survives_restore_unchanged(
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 10) Integer> commands, @ForAll long seed) {
        Order original = Order.replay(decide(commands, new Random(seed)));

        assertEquals(AggregateFields.of(original), AggregateFields.of(Order.restore(original.snapshot())));
    }

    /** Runs the commands against the evolving order and collects what it decided. */
    private static List<OrderEvent> decide(List<Integer> commands, Random random) {
        OrderId id = new OrderId(new UUID(random.nextLong(), random.nextLong()));
        List<OrderEvent> history = new ArrayList<>(Order.create(id, "customer " + random.nextInt(100),
                random.nextBoolean() ? "c-" + random.nextInt(9) : null,
                random.nextBoolean() ? new ShippingAddress("line " + random.nextInt(9), null, "city", "1", "JP") : null));
        Order order = Order.replay(history);
        for (int command : commands) {
            try {
                List<OrderEvent> decided = switch (command) {
                    case 0, 1 -> order.addItem(new LineId(new UUID(random.nextLong(), random.nextLong())),
                            "product " + random.nextInt(20), random.nextBoolean() ? new UUID(random.nextLong(), random.nextLong()) : null,
                            1 + random.nextInt(5), random.nextInt(10_000));
                    case 2 -> order.lines().isEmpty() ? List.of()
                            : order.removeItem(order.lines().get(random.nextInt(order.lines().size())).lineId());
                    case 3 -> order.reserveInventory("R-" + random.nextInt(100));
                    case 4 -> order.processPayment("P-" + random.nextInt(100),
                            random.nextInt(4) == 0 ? order.totalCents() + 1 : order.totalCents());
                    case 5 -> order.confirm();
                    case 6 -> order.cancel("reason " + random.nextInt(5));
                    case 7 -> order.startCheckout();
                    case 8 -> order.checkoutStockReserved();
                    case 9 -> order.checkoutPaid("A-" + random.nextInt(100), order.totalCents());
                    default -> order.abandonCheckout(CheckoutFailed.OUT_OF_STOCK,
                            random.nextBoolean() ? new UUID(random.nextLong(), random.nextLong()) : null, "gone");
                };
                decided.forEach(order::apply);
                history.addAll(decided);
            } catch (DomainRuleViolation refused) {
                // a refused command records nothing; the history goes on
            }
        }
        return history;
    }
}
