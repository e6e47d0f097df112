package org.orderflow.application.command;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Idempotency keys in memory; {@link #raceOnNextRemember} makes the next remember lose a key race. */
final class InMemoryIdempotencyKeys implements IdempotencyKeys {

    private final Map<String, Remembered> keys = new HashMap<>();
    private Remembered twin;

    /** The next remember fails as if a twin request committed {@code result} under the same key first. */
    void raceOnNextRemember(String fingerprint, CommandResult result) {
        twin = new Remembered(fingerprint, result);
    }

    /** A twin request with the same key committed its result (from another transaction). */
    void committedByATwin(String tenantId, String key, String fingerprint, CommandResult result) {
        keys.put(tenantId + "/" + key, new Remembered(fingerprint, result));
    }

    @Override
    public void hold(String tenantId, String key) {
        // one thread: nothing to wait for
    }

    @Override
    public Optional<Remembered> find(String tenantId, String key) {
        return Optional.ofNullable(keys.get(tenantId + "/" + key));
    }

    @Override
    public void remember(String tenantId, String key, String requestFingerprint, CommandResult result) {
        if (twin != null) {
            keys.put(tenantId + "/" + key, twin);
            twin = null;
            throw new KeyAlreadyUsed(key);
        }
        if (keys.putIfAbsent(tenantId + "/" + key, new Remembered(requestFingerprint, result)) != null) {
            throw new KeyAlreadyUsed(key);
        }
    }

    @Override
    public int forgetOlderThan(Instant cutoff) {
        return 0;
    }
}
