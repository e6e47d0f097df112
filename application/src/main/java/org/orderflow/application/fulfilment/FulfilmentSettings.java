package org.orderflow.application.fulfilment;

import java.time.Duration;

/**
 * How checkouts run. Produced from configuration by the web module.
 *
 * @param paymentDeadline how long a checkout waits for an authorization once its stock is reserved
 * @param paymentAttempts the most authorization calls before the checkout gives up ({@code payment_failed})
 * @param firstBackoff    the pause after a failed call, doubled per further failure
 * @param callLease       how long a claimed call is left alone before another worker may repeat
 *                        it: longer than the provider call's own timeout
 */
public record FulfilmentSettings(Duration paymentDeadline, int paymentAttempts, Duration firstBackoff,
                                 Duration callLease) {

    public FulfilmentSettings {
        if (paymentDeadline.isNegative() || paymentDeadline.isZero() || paymentAttempts < 1 || firstBackoff.isNegative()
                || callLease.isNegative() || callLease.isZero()) {
            throw new IllegalArgumentException("checkout settings out of range: " + paymentDeadline + ", "
                    + paymentAttempts + " attempts, backoff " + firstBackoff + ", lease " + callLease);
        }
    }

    /** The pause after {@code failures} failed calls: the first backoff doubled per further failure, at most an hour. */
    public Duration backoffAfter(int failures) {
        Duration pause = firstBackoff;
        for (int i = 1; i < failures && pause.compareTo(Duration.ofHours(1)) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : pause;
    }
}
