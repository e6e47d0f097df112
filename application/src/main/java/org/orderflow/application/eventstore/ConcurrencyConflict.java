package org.orderflow.application.eventstore;

import java.util.OptionalLong;

/**
 * An append found the stream in another state than the writer expected. Nothing of the append
 * was stored; the caller may reload the stream and decide again.
 *
 * <p>{@link #actualVersion()} is known when the store saw the mismatch before writing. It is empty
 * when a concurrent transaction took the same version between that check and the flush (the
 * unique (stream, version) constraint fired): the actual version is then at least
 * {@code expected + 1}.
 */
public final class ConcurrencyConflict extends RuntimeException {

    private final StreamId stream;
    private final ExpectedVersion expected;
    private final OptionalLong actualVersion;

    public ConcurrencyConflict(StreamId stream, ExpectedVersion expected, OptionalLong actualVersion) {
        super("Stream " + stream + ": expected version " + expected + " but "
                + (actualVersion.isPresent()
                        ? "it is at version " + actualVersion.getAsLong()
                        : "a concurrent append won the race"));
        this.stream = stream;
        this.expected = expected;
        this.actualVersion = actualVersion;
    }

    public StreamId stream() {
        return stream;
    }

    public ExpectedVersion expected() {
        return expected;
    }

    public OptionalLong actualVersion() {
        return actualVersion;
    }
}
