package org.orderflow.persistence.projection;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Conversions of values that native queries return untyped. */
final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} column as an Instant, whichever Java type the driver chose; null stays null. */
    static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
