package org.orderflow.application.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.orderflow.application.eventstore.RecordedEvent;

/**
 * Brings a projector up to the head of the log: batches while they succeed; when a batch fails,
 * the same events one transaction each, so that only the failing event is recorded (and its
 * stream blocked) while every other event — of other streams — still flows.
 */
@ApplicationScoped
public class ProjectionRunner {

    private static final Logger LOG = Logger.getLogger(ProjectionRunner.class.getName());

    private LiveBatches batches;
    private Projectors projectors;

    protected ProjectionRunner() {
        // for CDI proxies
    }

    @Inject
    public ProjectionRunner(LiveBatches batches, Projectors projectors) {
        this.batches = batches;
        this.projectors = projectors;
    }

    /**
     * One firing of the live run: every projector up to the head of the log, at most
     * {@code maxBatches} batches each so a long backlog of one does not starve the others. A
     * projector that cannot run (the database is down) stays at its checkpoint for the next firing.
     */
    public void runAll(int batchSize, int maxBatches) {
        for (Projector projector : projectors.all()) {
            try {
                catchUp(projector, batchSize, maxBatches);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Projector " + projector.name() + " could not run", e);
            }
        }
    }

    /** Runs up to {@code maxBatches} batches; returns the number of events read. */
    public long catchUp(Projector projector, int batchSize, int maxBatches) {
        return catchUp(projector, batchSize, maxBatches, Duration.ZERO);
    }

    /**
     * The same, each batch waiting at most {@code lockWait} for the projector's lock while another
     * transaction (a live batch, a retry) holds it.
     */
    public long catchUp(Projector projector, int batchSize, int maxBatches, Duration lockWait) {
        long read = 0;
        for (int batch = 0; batch < maxBatches; batch++) {
            LiveBatches.BatchResult result;
            try {
                result = batches.runBatch(projector, batchSize, lockWait);
            } catch (RuntimeException failed) {
                read += isolate(projector, batchSize);
                continue;
            }
            read += result.eventsRead();
            if (!result.locked() || result.eventsRead() < batchSize) {
                break;
            }
        }
        return read;
    }

    private int isolate(Projector projector, int batchSize) {
        int done = 0;
        for (RecordedEvent event : batches.peek(projector, batchSize)) {
            try {
                if (!batches.applyOne(projector, event)) {
                    return done;
                }
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, "Projector " + projector.name() + " failed on " + event.eventType() + " "
                        + event.stream() + " v" + event.streamVersion() + "; recorded, its stream is parked", failure);
                if (!batches.recordFailure(projector, event, failure)) {
                    return done;
                }
            }
            done++;
        }
        return done;
    }
}
