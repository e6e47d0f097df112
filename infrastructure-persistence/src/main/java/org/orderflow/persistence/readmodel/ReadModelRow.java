package org.orderflow.persistence.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/** What every read-model row keeps besides its data: when it was created and changed, and the stream version it reflects. */
@MappedSuperclass
abstract class ReadModelRow implements VersionedRow {

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "version", nullable = false)
    long version;

    @Override
    public long version() {
        return version;
    }

    @Override
    public void advance(long version, Instant at) {
        this.version = version;
        this.updatedAt = at;
    }
}
