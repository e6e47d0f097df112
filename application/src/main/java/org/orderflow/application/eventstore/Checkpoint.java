package org.orderflow.application.eventstore;

import java.util.Comparator;

/**
 * A reader's place in the global log: the writing transaction id and the position of the last
 * event it has seen. The log is ordered by (transaction id, position), and a reader only ever
 * sees transactions that no running transaction can precede, so it never skips an event that
 * commits late.
 */
public record Checkpoint(long transactionId, long position) implements Comparable<Checkpoint> {

    public static final Checkpoint START = new Checkpoint(0, 0);

    private static final Comparator<Checkpoint> ORDER =
            Comparator.comparingLong(Checkpoint::transactionId).thenComparingLong(Checkpoint::position);

    public Checkpoint {
        if (transactionId < 0 || position < 0) {
            throw new IllegalArgumentException("checkpoint values must be >= 0");
        }
    }

    @Override
    public int compareTo(Checkpoint other) {
        return ORDER.compare(this, other);
    }

    public boolean isAfter(Checkpoint other) {
        return compareTo(other) > 0;
    }
}
