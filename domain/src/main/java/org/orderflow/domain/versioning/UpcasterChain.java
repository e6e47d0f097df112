package org.orderflow.domain.versioning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** All upcasters, applied step by step from a stored version to the current one. */
public final class UpcasterChain {

    private final Map<String, Upcaster> steps = new HashMap<>();

    public UpcasterChain(List<? extends Upcaster> upcasters) {
        for (Upcaster upcaster : upcasters) {
            if (steps.put(key(upcaster.eventType(), upcaster.fromVersion()), upcaster) != null) {
                throw new IllegalArgumentException("Two upcasters for " + upcaster.eventType() + " v" + upcaster.fromVersion());
            }
        }
    }

    /**
     * Lifts a payload of {@code eventType} from {@code fromVersion} to {@code toVersion}.
     *
     * @throws IllegalStateException when a step of the way has no upcaster
     */
    public Map<String, Object> upcast(String eventType, int fromVersion, int toVersion, Map<String, Object> payload) {
        Map<String, Object> current = payload;
        for (int version = fromVersion; version < toVersion; version++) {
            Upcaster step = steps.get(key(eventType, version));
            if (step == null) {
                throw new IllegalStateException("No upcaster from " + eventType + " v" + version + " to v" + (version + 1));
            }
            current = step.upcast(current);
        }
        return current;
    }

    /** Whether every step from version 1 up to {@code currentVersion} of the type has an upcaster. */
    public boolean covers(String eventType, int currentVersion) {
        for (int version = 1; version < currentVersion; version++) {
            if (!steps.containsKey(key(eventType, version))) {
                return false;
            }
        }
        return true;
    }

    private static String key(String eventType, int version) {
        return eventType + "@" + version;
    }
}
