package org.orderflow.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Given some recorded events, when a decision is taken, then these events are recorded — or the
 * decision is rejected with this rule code.
 *
 * <pre>{@code
 * given(orderCreated, keyboardAdded)
 *         .when(order -> order.confirm())
 *         .then(new OrderConfirmed(orderId, 9_998))
 *         .andState(order -> assertEquals(CONFIRMED, order.status()));
 * }</pre>
 *
 * Each test class binds the aggregate's replay function once, in its own {@code given(...)}.
 *
 * @param <A> the aggregate
 * @param <E> the aggregate's event family
 */
public final class AggregateScenario<A, E> {

    private final Function<List<E>, A> replay;
    private final List<E> history;

    private AggregateScenario(Function<List<E>, A> replay, List<E> history) {
        this.replay = replay;
        this.history = history;
    }

    /** The aggregate as rebuilt from {@code history}. */
    @SafeVarargs
    public static <A, E> AggregateScenario<A, E> given(Function<List<E>, A> replay, E... history) {
        return new AggregateScenario<>(replay, List.of(history));
    }

    /** A decision with no history behind it: the aggregate's creation. */
    public static <A, E> Outcome<A, E> whenCreating(Function<List<E>, A> replay,
            Supplier<? extends List<? extends E>> creation) {
        return Outcome.of(replay, List.of(), creation::get);
    }

    /** Takes the decision on the replayed aggregate. */
    public Outcome<A, E> when(Function<? super A, ? extends List<? extends E>> decision) {
        A aggregate = replay.apply(history);
        return Outcome.of(replay, history, () -> decision.apply(aggregate));
    }

    /** Checks the state rebuilt from the history alone. */
    public void thenState(Consumer<? super A> check) {
        check.accept(replay.apply(history));
    }

    /**
     * What a decision produced: events, or a rule violation. Any other exception escapes from
     * {@code when} and fails the test as it is.
     */
    public static final class Outcome<A, E> {

        private final Function<List<E>, A> replay;
        private final List<E> history;
        private final List<? extends E> recorded;
        private final DomainRuleViolation violation;

        private Outcome(Function<List<E>, A> replay, List<E> history, List<? extends E> recorded,
                DomainRuleViolation violation) {
            this.replay = replay;
            this.history = history;
            this.recorded = recorded;
            this.violation = violation;
        }

        private static <A, E> Outcome<A, E> of(Function<List<E>, A> replay, List<E> history,
                Supplier<? extends List<? extends E>> decision) {
            try {
                List<? extends E> recorded = decision.get();
                assertNotNull(recorded, "a decision must return a list of events, never null");
                return new Outcome<>(replay, history, recorded, null);
            } catch (DomainRuleViolation rejected) {
                return new Outcome<>(replay, history, null, rejected);
            }
        }

        /** Exactly these events were recorded, in this order; none at all if empty. */
        @SafeVarargs
        public final Outcome<A, E> then(E... expected) {
            if (violation != null) {
                fail("expected " + Arrays.toString(expected) + " but the decision was rejected: " + violation);
            }
            assertEquals(List.of(expected), List.copyOf(recorded));
            assertImmutable(recorded);
            return this;
        }

        /** The decision was accepted but there was nothing to record. */
        public Outcome<A, E> thenNothingHappened() {
            return then();
        }

        /**
         * The decision was rejected with this rule code.
         *
         * @return the violation, for checks on its message
         */
        public DomainRuleViolation thenRejectedWith(String code) {
            if (violation == null) {
                fail("expected rejection with " + code + " but the decision recorded " + recorded);
            }
            assertEquals(code, violation.code(), () -> "wrong rule code; message was: " + violation.getMessage());
            assertFalse(violation.getMessage().isBlank(), "a rejection must explain itself");
            return violation;
        }

        /** Checks the state rebuilt from the history plus the recorded events. */
        public Outcome<A, E> andState(Consumer<? super A> check) {
            if (violation != null) {
                fail("no state to check: the decision was rejected: " + violation);
            }
            List<E> all = new ArrayList<>(history);
            all.addAll(recorded);
            check.accept(replay.apply(all));
            return this;
        }

        @SuppressWarnings("unchecked")
        private static void assertImmutable(List<?> recorded) {
            assertThrows(UnsupportedOperationException.class, () -> ((List<Object>) recorded).add(null),
                    "a decision must return an immutable list");
        }
    }
}
