package org.orderflow.application.command;

/** The client sent an idempotency key again, but with a different request than the first time. */
public final class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key) {
        super("Idempotency key '" + key + "' was already used for a different request");
    }
}
