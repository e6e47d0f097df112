package org.orderflow.persistence.readmodel;

import java.time.Instant;

/** A read-model row that remembers the stream version it reflects. */
interface VersionedRow {

    long version();

    /** Records that the row now reflects {@code version}, changed at {@code at}. */
    void advance(long version, Instant at);
}
