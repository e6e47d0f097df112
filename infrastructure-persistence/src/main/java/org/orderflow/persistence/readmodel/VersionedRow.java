package org.orderflow.persistence.readmodel;

import java.time.Instant;

/** A read-model row that remembers the stream version it reflects. */
interface VersionedRow {

    /** The row's tenant and stream id. */
    TenantKey key();

    long version();

    /** Records that the row now reflects {@code version}, changed at {@code at}. */
    void advance(long version, Instant at);
}
