package org.orderflow.application.snapshot;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * How one aggregate type is snapshotted: its explicit snapshot form and schema version, how to
 * take the form from the aggregate, restore the aggregate from it, and apply later events.
 *
 * @param <A> the aggregate
 * @param <E> its events
 * @param <S> its snapshot form
 */
public record Snapshotting<A, E, S>(
        Class<S> form,
        int schemaVersion,
        Function<A, S> take,
        Function<S, A> restore,
        BiConsumer<A, E> apply) {
}
