package org.orderflow.application.outbox;

import java.time.Instant;

/**
 * The publisher's failures in a row, kept with its cursor in the database so that every server
 * honours one back-off: whichever server takes the publisher's lock next waits until
 * {@code retryAt}, and the next failure doubles the pause from the streak's count, not from a
 * count of its own. One successful send ends the streak.
 *
 * @param failures      failed rounds in a row (at least 1)
 * @param lastFailureAt when the last of them failed
 * @param lastError     its cause, as the type and message of the root exception
 * @param retryAt       no round sends before this instant
 */
public record FailureStreak(int failures, Instant lastFailureAt, String lastError, Instant retryAt) {

    public FailureStreak {
        if (failures < 1) {
            throw new IllegalArgumentException("a streak has at least one failure");
        }
    }

    /** Whether a round at {@code now} must wait. */
    public boolean holdsBack(Instant now) {
        return now.isBefore(retryAt);
    }

    /** The next streak after a failure at {@code now}: one more failure, the pause that many failures earn. */
    static FailureStreak after(FailureStreak previous, RuntimeException error, Instant now, OutboxSettings settings) {
        int failures = previous == null ? 1 : previous.failures() + 1;
        return new FailureStreak(failures, now, describe(error), now.plus(settings.backoff(failures)));
    }

    /** The root cause's simple type name and message, as shown to operators. */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
