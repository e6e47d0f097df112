package org.orderflow.web.wiring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.orderflow.application.snapshot.SnapshotPolicy;

/**
 * Snapshot intervals from MicroProfile Config: {@code orderflow.snapshots.<type>.every} (e.g.
 * {@code orderflow.snapshots.order.every}), falling back to {@code orderflow.snapshots.every}; 0 disables.
 */
@ApplicationScoped
public class SnapshotConfiguration {

    @Produces
    @ApplicationScoped
    SnapshotPolicy snapshotPolicy() {
        Config config = ConfigProvider.getConfig();
        int fallback = config.getOptionalValue("orderflow.snapshots.every", Integer.class).orElse(100);
        return new ConfiguredIntervals(config, fallback);
    }

    /** Reads each type's interval once and keeps it. */
    static final class ConfiguredIntervals implements SnapshotPolicy {
        private final Config config;
        private final int fallback;
        private final Map<String, Integer> intervals = new ConcurrentHashMap<>();

        ConfiguredIntervals(Config config, int fallback) {
            this.config = config;
            this.fallback = fallback;
        }

        @Override
        public int interval(String streamType) {
            return intervals.computeIfAbsent(streamType, type -> {
                int every = config.getOptionalValue("orderflow.snapshots." + type.toLowerCase(Locale.ROOT) + ".every",
                        Integer.class).orElse(fallback);
                if (every < 0) {
                    throw new IllegalStateException("orderflow.snapshots." + type.toLowerCase(Locale.ROOT)
                            + ".every must be >= 0");
                }
                return every;
            });
        }
    }
}
