package org.orderflow.application.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.orderflow.application.eventstore.Checkpoint;

/**
 * A rebuild of one projector's read model, built beside the live one and swapped in when it has
 * caught up with the log. {@code checkpoint} is where the new model is in the log; it moves with
 * the new model's rows, so a job interrupted by a crash resumes there.
 */
public record RebuildJob(long id, String projector, State state, Checkpoint checkpoint, long eventsTotal, long eventsDone,
                         boolean cancelRequested, String error, Instant startedAt, Instant updatedAt, Instant finishedAt) {

    public enum State {
        /** Building (or swapping in) the new read model; queries read the old one. */
        RUNNING,
        /** The new read model replaced the old one. */
        DONE,
        /** Stopped on an error; the old read model was kept, the new one dropped. */
        FAILED,
        /** Cancelled by an operator; the old read model was kept, the new one dropped. */
        CANCELLED;

        public boolean finished() {
            return this != RUNNING;
        }
    }

    /** Events applied per second since the job started (until it finished). */
    public double eventsPerSecond() {
        long millis = Duration.between(startedAt, finishedAt == null ? updatedAt : finishedAt).toMillis();
        return millis <= 0 ? 0 : eventsDone * 1000.0 / millis;
    }

    /**
     * Events to go as far as the job knows: the log's size when it started, less what is done
     * (the log grows meanwhile; those events are caught up at the end).
     */
    public long eventsRemaining() {
        return state.finished() ? 0 : Math.max(0, eventsTotal - eventsDone);
    }

    /** Estimated time to go at the job's rate so far; empty before the first batch and once finished. */
    public Optional<Duration> eta() {
        double rate = eventsPerSecond();
        if (state.finished() || rate <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round(eventsRemaining() * 1000.0 / rate)));
    }

    /** Done / total as a fraction in [0, 1]; 1 once done. */
    public double fractionDone() {
        if (state == State.DONE) {
            return 1;
        }
        return eventsTotal == 0 ? 0 : Math.min(1, (double) eventsDone / eventsTotal);
    }
}
