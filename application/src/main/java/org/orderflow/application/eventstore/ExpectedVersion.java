package org.orderflow.application.eventstore;

/**
 * What the writer believes about a stream's version when it appends. Versions start at 1 for a
 * stream's first event; a stream that does not exist has version 0.
 */
public sealed interface ExpectedVersion {

    /** Append whatever the current version is. A concurrent append can still win the race. */
    record Any() implements ExpectedVersion {
        @Override
        public boolean accepts(long actual) {
            return true;
        }

        @Override
        public String toString() {
            return "any";
        }
    }

    /** The stream must not exist yet (creation of an aggregate). */
    record NoStream() implements ExpectedVersion {
        @Override
        public boolean accepts(long actual) {
            return actual == 0;
        }

        @Override
        public String toString() {
            return "no stream";
        }
    }

    /** The stream must already have at least one event. */
    record StreamExists() implements ExpectedVersion {
        @Override
        public boolean accepts(long actual) {
            return actual > 0;
        }

        @Override
        public String toString() {
            return "stream exists";
        }
    }

    /** The stream must be exactly at this version (0 means: must not exist). */
    record Exact(long version) implements ExpectedVersion {
        public Exact {
            if (version < 0) {
                throw new IllegalArgumentException("expected version must be >= 0, was " + version);
            }
        }

        @Override
        public boolean accepts(long actual) {
            return actual == version;
        }

        @Override
        public String toString() {
            return Long.toString(version);
        }
    }

    /** Whether a stream currently at {@code actual} satisfies this expectation. */
    boolean accepts(long actual);

    static ExpectedVersion any() {
        return new Any();
    }

    static ExpectedVersion noStream() {
        return new NoStream();
    }

    static ExpectedVersion streamExists() {
        return new StreamExists();
    }

    static ExpectedVersion exactly(long version) {
        return new Exact(version);
    }
}
