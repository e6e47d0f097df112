package org.orderflow.application.command;

import java.time.Instant;
import java.util.Optional;

/**
 * Remembers the result of each command sent with an idempotency key, in the command's own
 * transaction: a key is remembered if and only if the command's events were stored.
 */
public interface IdempotencyKeys {

    /** A remembered command: the request it was first used for, and its result. */
    record Remembered(String requestFingerprint, CommandResult result) {
    }

    /**
     * Serialises the requests that carry one key: waits until no other transaction holds it, then
     * holds it until the current transaction ends. Taken before {@link #find} (and before the
     * stream lock, always in that order), so a retried request waits for its twin and replays its
     * result instead of deciding again on the state the twin left.
     */
    void hold(String tenantId, String key);

    Optional<Remembered> find(String tenantId, String key);

    /**
     * Remembers a key in the current transaction.
     *
     * @throws KeyAlreadyUsed when a concurrent transaction remembered the same key first; the
     *         current transaction must then roll back (its events with it)
     */
    void remember(String tenantId, String key, String requestFingerprint, CommandResult result);

    /** Forgets keys remembered before {@code cutoff} (retention); returns how many. */
    int forgetOlderThan(Instant cutoff);

    /** Raised when two commands with the same key race; the loser is rolled back and retried. */
    final class KeyAlreadyUsed extends RuntimeException {
        public KeyAlreadyUsed(String key) {
            super("Idempotency key " + key + " was used concurrently");
        }
    }
}
