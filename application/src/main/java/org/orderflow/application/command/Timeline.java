package org.orderflow.application.command;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.orderflow.application.eventstore.RecordedEvent;

/**
 * When things happened to an aggregate, from the envelopes of the events it was rebuilt from:
 * the first and last event, and the last event of each type. The facts carry no time; the
 * store's envelope does.
 */
public final class Timeline {

    private Instant first;
    private Instant last;
    private final Map<String, Instant> lastByType = new HashMap<>();

    void add(RecordedEvent event) {
        if (first == null) {
            first = event.recordedAt();
        }
        last = event.recordedAt();
        lastByType.put(event.eventType(), event.recordedAt());
    }

    /** When the first replayed event was recorded (null if the load started from a snapshot). */
    public Instant first() {
        return first;
    }

    public Instant last() {
        return last;
    }

    /** When the last event of this type was recorded, or null. */
    public Instant at(String eventType) {
        return lastByType.get(eventType);
    }
}
