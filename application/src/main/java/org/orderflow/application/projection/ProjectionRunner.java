package org.orderflow.application.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final AtomicInteger firings = new AtomicInteger();
    private final Set<String> initialized = ConcurrentHashMap.newKeySet();

    protected ProjectionRunner() {
        // for CDI proxies
    }

    @Inject
    public ProjectionRunner(LiveBatches batches, Projectors projectors) {
        this.batches = batches;
        this.projectors = projectors;
    }

    /**
     * One firing of the live run: every segment of every projector up to the head of the log, at
     * most {@code maxBatches} batches each so a long backlog of one does not starve the others. A
     * segment another server is applying is skipped (its lock is taken); a projector that cannot
     * run (the database is down) stays at its checkpoints for the next firing. Each firing starts
     * at another segment, so that servers firing at once spread over the segments instead of all
     * trying the first.
     */
    public void runAll(int batchSize, int maxBatches) {
        int turn = firings.getAndIncrement();
        for (Projector projector : projectors.all()) {
            try {
                if (initialized.add(projector.name())) {
                    batches.initializeSegments(projector);
                }
                List<Segment> segments = batches.segments(projector);
                for (int i = 0; i < segments.size(); i++) {
                    catchUp(projector, segments.get(Math.floorMod(turn + i, segments.size())), batchSize, maxBatches, Duration.ZERO);
                }
            } catch (RuntimeException e) {
                initialized.remove(projector.name());
                LOG.log(Level.WARNING, "Projector " + projector.name() + " could not run", e);
            }
        }
    }

    /** Runs up to {@code maxBatches} batches of every segment; returns the number of events read. */
    public long catchUp(Projector projector, int batchSize, int maxBatches) {
        return catchUp(projector, batchSize, maxBatches, Duration.ZERO);
    }

    /**
     * The same, each batch waiting at most {@code lockWait} for its segment's lock while another
     * transaction (a live batch, a retry) holds it.
     */
    public long catchUp(Projector projector, int batchSize, int maxBatches, Duration lockWait) {
        long read = 0;
        for (Segment segment : batches.segments(projector)) {
            read += catchUp(projector, segment, batchSize, maxBatches, lockWait);
        }
        return read;
    }

    private long catchUp(Projector projector, Segment segment, int batchSize, int maxBatches, Duration lockWait) {
        long read = 0;
        for (int batch = 0; batch < maxBatches; batch++) {
            LiveBatches.BatchResult result;
            try {
                result = batches.runBatch(projector, segment, batchSize, lockWait);
            } catch (RuntimeException failed) {
                read += isolate(projector, segment, batchSize);
                continue;
            }
            read += result.eventsRead();
            if (!result.locked() || result.eventsRead() < batchSize) {
                break;
            }
        }
        return read;
    }

    private int isolate(Projector projector, Segment segment, int batchSize) {
        int done = 0;
        for (RecordedEvent event : batches.peek(segment, batchSize)) {
            try {
                if (!batches.applyOne(projector, segment, event)) {
                    return done;
                }
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, "Projector " + segment + " failed on " + event.eventType() + " "
                        + event.stream() + " v" + event.streamVersion() + "; recorded, its stream is parked", failure);
                if (!batches.recordFailure(projector, segment, event, failure)) {
                    return done;
                }
            }
            done++;
        }
        return done;
    }
}
