package org.orderflow.web.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.Gauge;
import org.orderflow.application.snapshot.SnapshotAdministration;
import org.orderflow.application.snapshot.SnapshotStore;

/** Snapshots as MicroProfile Metrics ({@code /metrics?scope=application}): how many were ignored since start. */
@ApplicationScoped
public class SnapshotMetrics {

    @Inject
    SnapshotAdministration administration;

    /** Gauges of an application-scoped bean exist once the bean does: create it at start-up. */
    void registerAtStartup(@Observes Startup startup) {
        // nothing to do: being called instantiates the bean
    }

    @Gauge(name = "orderflow.snapshots.ignored.stale", unit = MetricUnits.NONE,
            description = "Snapshots ignored because their schema version is not the current one (stream replayed)")
    public long ignoredStale() {
        return administration.stats().stream().mapToLong(SnapshotStore.Stats::ignoredStale).sum();
    }

    @Gauge(name = "orderflow.snapshots.ignored.unreadable", unit = MetricUnits.NONE,
            description = "Snapshots ignored because they could not be read (stream replayed)")
    public long ignoredUnreadable() {
        return administration.stats().stream().mapToLong(SnapshotStore.Stats::ignoredUnreadable).sum();
    }
}
