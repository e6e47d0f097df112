package org.orderflow.application.eventstore;

import java.util.List;

/**
 * The global log read through one server-side cursor: for readers that go through much of the
 * log at once (a rebuild), one query instead of one per page. A cursor sees the log as it was
 * when it was opened, up to the same gap-safe point as {@link EventStore#readAll}: nothing it
 * returns can be preceded later by an event that commits late. Events written after it was
 * opened are for the next read (by {@code readAll} from the last event's checkpoint).
 */
public interface LogCursors {

    /** Opens a cursor over the events after {@code after}, in log order. */
    Cursor open(Checkpoint after);

    /** An open cursor; holds a database connection until closed. Not thread-safe. */
    interface Cursor extends AutoCloseable {

        /** The next events, at most {@code max}; fewer only at the end, empty after it. */
        List<RecordedEvent> next(int max);

        @Override
        void close();
    }
}
