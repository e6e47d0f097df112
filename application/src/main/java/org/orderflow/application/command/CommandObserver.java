package org.orderflow.application.command;

import java.time.Duration;

/**
 * Told how each command ended and how often it was tried (port): metrics and traces hang off it,
 * the bus stays free of them. Called on the command's thread after its last attempt, so an
 * implementation must be quick and must not throw.
 */
public interface CommandObserver {

    /** How a command ended, as its caller saw it. */
    enum Outcome {
        /** Its events were appended. */
        DONE,
        /** Its idempotency key matched an earlier run: that run's result, nothing appended. */
        REPLAYED,
        /** A domain rule refused it (422). */
        REFUSED,
        /** The aggregate it addressed does not exist (404). */
        NOT_FOUND,
        /** It lost every optimistic-concurrency race it was allowed, or its pinned version was stale (409/412). */
        CONFLICT,
        /** Its idempotency key was used for a different request (422). */
        KEY_REUSED,
        /** Anything else: a failure of the service (500). */
        FAILED
    }

    /** Why an attempt was run again. */
    enum Retry {
        /** The previous attempt lost an optimistic-concurrency race. */
        CONFLICT,
        /** A twin request with the same idempotency key committed first. */
        KEY_RACE
    }

    /** The command ended with {@code outcome}, {@code took} after it was dispatched, all attempts included. */
    void completed(Command command, Outcome outcome, Duration took);

    /** An attempt of the command is run again for {@code why}. */
    void retried(Command command, Retry why);

    /** Observes nothing (tests, and code that runs commands without a container). */
    CommandObserver NONE = new CommandObserver() {
        @Override
        public void completed(Command command, Outcome outcome, Duration took) {
        }

        @Override
        public void retried(Command command, Retry why) {
        }
    };
}
