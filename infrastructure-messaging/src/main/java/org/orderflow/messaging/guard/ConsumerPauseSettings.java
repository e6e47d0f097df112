package org.orderflow.messaging.guard;

import java.time.Duration;

/**
 * How long a consumer's subscription rests when its receiver is unavailable: {@code first} after
 * the first such failure, doubled for each further one in a row, at most {@code longest}.
 */
public record ConsumerPauseSettings(Duration first, Duration longest) {

    public ConsumerPauseSettings {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first <= longest, got " + first + " and " + longest);
        }
    }

    /** The pause after the {@code failuresInARow}-th failure in a row (1 for the first). */
    public Duration after(int failuresInARow) {
        int doublings = Math.min(Math.max(0, failuresInARow - 1), 30);
        long millis = first.toMillis() << doublings;
        return millis <= 0 || millis > longest.toMillis() ? longest : Duration.ofMillis(millis);
    }
}
