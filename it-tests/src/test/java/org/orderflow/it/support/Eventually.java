package org.orderflow.it.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a value satisfies a condition, or fails with the last value seen. */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T await(Supplier<T> probe, Predicate<T> condition, Duration within, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        T value = probe.get();
        while (!condition.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + within + "; last seen: " + value);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            value = probe.get();
        }
        return value;
    }
}
