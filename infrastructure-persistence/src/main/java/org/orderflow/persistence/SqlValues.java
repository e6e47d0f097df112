package org.orderflow.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Conversions of values that native queries return untyped. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} column as an Instant, whichever Java type the driver chose; null stays null. */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
