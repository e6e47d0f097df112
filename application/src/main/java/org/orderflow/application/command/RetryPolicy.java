package org.orderflow.application.command;

import java.time.Duration;

/**
 * How often a command is re-run after losing an optimistic-concurrency race, and how long to
 * wait (randomised between zero and the backoff, times the attempt number) before each re-run.
 */
public record RetryPolicy(int maxAttempts, Duration backoff) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(20));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1");
        }
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative");
        }
    }
}
