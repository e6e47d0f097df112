package org.orderflow.application.snapshot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Operator use cases on snapshots: see how far they reach, and drop a type's to force re-snapshotting. */
@ApplicationScoped
@Transactional
public class SnapshotAdministration {

    private SnapshotStore snapshots;

    protected SnapshotAdministration() {
        // for CDI proxies
    }

    @Inject
    public SnapshotAdministration(SnapshotStore snapshots) {
        this.snapshots = snapshots;
    }

    public List<SnapshotStore.Stats> stats() {
        return snapshots.stats();
    }

    /** Deletes every snapshot of the stream type; the next crossing of the interval takes new ones. */
    public int deleteAll(String streamType) {
        return snapshots.deleteAll(streamType);
    }
}
