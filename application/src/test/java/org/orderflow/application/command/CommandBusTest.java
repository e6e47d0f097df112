package org.orderflow.application.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.orderflow.application.eventstore.ConcurrencyConflict;
import org.orderflow.application.eventstore.EventMetadata;
import org.orderflow.application.eventstore.ExpectedVersion;
import org.orderflow.application.eventstore.NewEvent;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.application.eventstore.StreamId;
import org.orderflow.application.order.AddItemHandler;
import org.orderflow.application.order.ConfirmOrderHandler;
import org.orderflow.application.order.CreateOrderHandler;
import org.orderflow.application.order.OrderCommands.AddItem;
import org.orderflow.application.order.OrderCommands.ConfirmOrder;
import org.orderflow.application.order.OrderCommands.CreateOrder;
import org.orderflow.application.order.Orders;
import org.orderflow.application.product.Products;
import org.orderflow.application.snapshot.SnapshotPolicy;
import org.orderflow.application.snapshot.SnapshotStore;
import org.orderflow.domain.order.ItemAdded;
import org.orderflow.domain.order.OrderConfirmed;

/**
 * The command path against in-memory ports: the bus, the runner and the repository with the
 * real order handlers. A "concurrent writer" appends to the stream right before the command's
 * own append checks its expected version — the moment a real race is lost.
 */
class CommandBusTest {

    private static final UUID ORDER = UUID.fromString("0b6f4c1e-6a43-4d8e-9a55-2f0c7f1f3a10");
    private static final StreamId STREAM = new StreamId(StreamId.DEFAULT_TENANT, Orders.STREAM_TYPE, ORDER.toString());

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final InMemoryIdempotencyKeys keys = new InMemoryIdempotencyKeys();
    private final Orders orders = new Orders(store, new NoSnapshots(), SnapshotPolicy.NEVER);
    private final CommandBus bus = new CommandBus(new CommandRunner(List.of(new CreateOrderHandler(orders),
            new AddItemHandler(orders, new Products(store, new NoSnapshots(), SnapshotPolicy.NEVER)),
            new ConfirmOrderHandler(orders)), keys), new RetryPolicy(3, Duration.ZERO));

    @Test
    void a_command_that_loses_a_race_is_decided_again_on_the_new_state() {
        // given an order, and another writer that adds a line just before our command appends
        givenAnOrder();
        store.beforeNextAppend(other -> other.appendNow(STREAM, ExpectedVersion.exactly(1), List.of(line())));
        // when
        CommandResult result = bus.dispatch(addItem(), CommandContext.of("c"));
        // then the second run saw version 2 and appended version 3
        assertThat(result.streamVersion()).isEqualTo(3);
        assertThat(events()).hasSize(3);
        assertThat(store.calls()).filteredOn(call -> call.startsWith("append")).hasSize(2);
    }

    @Test
    void the_retry_budget_ends_in_the_conflict() {
        // given a writer that wins every race
        givenAnOrder();
        store.beforeEveryAppend(other -> other.appendNow(STREAM, ExpectedVersion.any(), List.of(line())));
        // when
        ConcurrencyConflict conflict = catchThrowableOfType(ConcurrencyConflict.class,
                () -> bus.dispatch(addItem(), CommandContext.of("c")));
        // then exactly maxAttempts runs were made, and the conflict names the version actually found
        assertThat(conflict).isNotNull();
        assertThat(store.calls()).filteredOn(call -> call.startsWith("append")).hasSize(3);
        assertThat(conflict.actualVersion()).isPresent();
    }

    @Test
    void a_pinned_version_that_is_stale_is_the_answer_and_never_retried() {
        // given an order at version 2
        givenAnOrder();
        store.appendNow(STREAM, ExpectedVersion.exactly(1), List.of(line()));
        // when a client decides on version 1
        ConcurrencyConflict conflict = catchThrowableOfType(ConcurrencyConflict.class,
                () -> bus.dispatch(addItem(), pinned(1, null)));
        // then the conflict names both versions and nothing was appended
        assertThat(conflict.expected()).isEqualTo(ExpectedVersion.exactly(1));
        assertThat(conflict.actualVersion()).hasValue(2);
        assertThat(store.calls()).noneMatch(call -> call.startsWith("append"));
        assertThat(events()).hasSize(2);
    }

    @Test
    void a_pinned_version_lost_to_a_twin_with_the_same_key_replays_the_twins_result() {
        // given an order at version 1, and a twin request (same key) that commits first
        givenAnOrder();
        CommandResult twins = new CommandResult(ORDER.toString(), 2, 99, null, false);
        store.beforeNextAppend(other -> {
            other.appendNow(STREAM, ExpectedVersion.exactly(1), List.of(line()));
            keys.committedByATwin(StreamId.DEFAULT_TENANT, "key-1", "fingerprint", twins);
        });
        // when
        CommandResult result = bus.dispatch(addItem(), pinned(1, "key-1"));
        // then the one recheck found the twin's key and answered its result as a replay
        assertThat(result.replayed()).isTrue();
        assertThat(result.streamVersion()).isEqualTo(2);
    }

    @Test
    void a_lost_key_race_is_answered_with_the_winners_result() {
        // given an order, and a twin request with the same key that commits while ours runs
        givenAnOrder();
        CommandResult twins = new CommandResult(ORDER.toString(), 2, 42, "line-of-the-twin", false);
        keys.raceOnNextRemember("fingerprint", twins);
        // when
        CommandResult result = bus.dispatch(addItem(), keyed("key-2"));
        // then
        assertThat(result.replayed()).isTrue();
        assertThat(result.createdId()).isEqualTo("line-of-the-twin");
    }

    @Test
    void the_same_key_with_another_request_is_refused() {
        givenAnOrder();
        bus.dispatch(addItem(), keyed("key-3"));
        CommandContext other = new CommandContext(UUID.randomUUID(), StreamId.DEFAULT_TENANT, "c", null, OptionalLong.empty(),
                "key-3", "another request");
        assertThat(catchThrowableOfType(IdempotencyKeyReused.class, () -> bus.dispatch(addItem(), other))).isNotNull();
    }

    @Test
    void a_command_locks_its_stream_before_it_loads_it() {
        givenAnOrder();
        bus.dispatch(addItem(), CommandContext.of("c"));
        store.calls().clear();
        bus.dispatch(new ConfirmOrder(ORDER), CommandContext.of("c"));
        assertThat(store.calls()).startsWith("lock " + ORDER, "load " + ORDER);
        assertThat(events()).last().extracting(RecordedEvent::event).isInstanceOf(OrderConfirmed.class);
    }

    private void givenAnOrder() {
        bus.dispatch(new CreateOrder(ORDER, "Ada", null, null), CommandContext.of("c"));
        store.calls().clear();
    }

    private List<RecordedEvent> events() {
        return store.load(STREAM, 0, Integer.MAX_VALUE);
    }

    private static AddItem addItem() {
        return new AddItem(ORDER, UUID.randomUUID(), "pen", null, 1, 100L);
    }

    private static NewEvent line() {
        return new NewEvent(UUID.randomUUID(), new ItemAdded(ORDER, UUID.randomUUID(), "ink", null, 1, 5),
                new EventMetadata("other", "other", null, "test", null));
    }

    private static CommandContext pinned(long version, String key) {
        return new CommandContext(UUID.randomUUID(), StreamId.DEFAULT_TENANT, "c", null, OptionalLong.of(version), key,
                key == null ? null : "fingerprint");
    }

    private static CommandContext keyed(String key) {
        return new CommandContext(UUID.randomUUID(), StreamId.DEFAULT_TENANT, "c", null, OptionalLong.empty(), key, "fingerprint");
    }

    /** No snapshots: every load replays. */
    private static final class NoSnapshots implements SnapshotStore {
        @Override
        public <S> Optional<Snapshot<S>> load(StreamId stream, Class<S> form, int schemaVersion) {
            return Optional.empty();
        }

        @Override
        public void save(StreamId stream, int schemaVersion, Snapshot<?> snapshot) {
        }

        @Override
        public int deleteAll(String streamType) {
            return 0;
        }

        @Override
        public List<Stats> stats() {
            return List.of();
        }
    }
}
