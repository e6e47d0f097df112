package org.orderflow.application.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.orderflow.application.eventstore.StreamId;

/**
 * Retries failed projection events (on the backoff schedule, or now at an operator's request),
 * skips them on an operator's word, and releases the stream's parked events in order once its
 * error is closed.
 */
@ApplicationScoped
public class ProjectionRetries {

    private static final Logger LOG = Logger.getLogger(ProjectionRetries.class.getName());

    /** Who resolved an error that the retry timer applied on its schedule. */
    public static final String SCHEDULE = "scheduled retry";

    /** The outcome of one retry. */
    public enum Outcome { RESOLVED, FAILED_AGAIN, DEAD, BUSY, UNKNOWN_PROJECTOR }

    private Projectors projectors;
    private FailedEventSteps steps;
    private ProjectionErrors errors;
    private Clock clock;

    protected ProjectionRetries() {
        // for CDI proxies
    }

    @Inject
    public ProjectionRetries(Projectors projectors, FailedEventSteps steps, ProjectionErrors errors, Clock clock) {
        this.projectors = projectors;
        this.steps = steps;
        this.errors = errors;
        this.clock = clock;
    }

    /**
     * One firing of the retry timer: retries the due errors, a failure to do so (the database is
     * down) logged and left for the next firing.
     */
    public void runScheduled(int limit) {
        try {
            runDue(limit);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Projection retries could not run", e);
        }
    }

    /**
     * Retries every error whose time has come, and finishes releasing streams whose error was closed
     * while their parked events were left behind; returns how many errors were retried.
     */
    public int runDue(int limit) {
        // Errors of a projector this server does not run (removed, or deployed elsewhere) are left alone.
        List<ProjectionErrors.Failure> due = errors.due(clock.instant(), limit).stream()
                .filter(failure -> projectors.named(failure.projector()).isPresent()).toList();
        due.forEach(failure -> retry(failure, SCHEDULE));
        errors.strandedParkedStreams(limit).stream()
                .filter(parked -> projectors.named(parked.projector()).isPresent())
                .forEach(parked -> release(parked.projector(), parked.stream()));
        return due.size();
    }

    /** Retries one error now, whatever its schedule (a dead one included); {@code by} is recorded if it resolves. */
    public Outcome retry(ProjectionErrors.Failure failure, String by) {
        if (failure.status() == ProjectionErrors.Status.RESOLVED || failure.status() == ProjectionErrors.Status.SKIPPED) {
            return Outcome.RESOLVED;
        }
        if (projectors.named(failure.projector()).isEmpty()) {
            return Outcome.UNKNOWN_PROJECTOR;
        }
        try {
            if (!steps.retry(failure, by)) {
                return Outcome.BUSY;
            }
        } catch (RuntimeException again) {
            steps.retryFailed(failure, again);
            return errors.find(failure.id()).map(f -> f.status() == ProjectionErrors.Status.DEAD ? Outcome.DEAD
                    : Outcome.FAILED_AGAIN).orElse(Outcome.FAILED_AGAIN);
        }
        release(failure.projector(), failure.stream());
        return Outcome.RESOLVED;
    }

    /** Retries one error now on behalf of {@code by} (the operator). */
    public Optional<Outcome> retry(long id, String by) {
        return errors.find(id).map(failure -> retry(failure, by));
    }

    /** Retries every dead error of a projector on behalf of {@code by}; returns how many resolved. */
    public int retryDead(String projector, String by) {
        int resolved = 0;
        for (ProjectionErrors.Failure dead : errors.list(projector, ProjectionErrors.Status.DEAD, 10_000)) {
            if (retry(dead, by) == Outcome.RESOLVED) {
                resolved++;
            }
        }
        return resolved;
    }

    /** Closes an error without applying its event (recorded with who and why) and releases the stream. */
    public boolean skip(long id, String by, String why) {
        Optional<ProjectionErrors.Failure> failure = errors.find(id);
        if (failure.isEmpty() || projectors.named(failure.get().projector()).isEmpty()) {
            return false;
        }
        steps.skip(failure.get(), by, why);
        release(failure.get().projector(), failure.get().stream());
        return true;
    }

    /** Applies the stream's parked events in order until none is left or one fails again. */
    private void release(String projectorName, StreamId stream) {
        Projector projector = projectors.named(projectorName).orElseThrow();
        while (true) {
            List<Long> parked = errors.parkedVersions(projectorName, stream);
            if (parked.isEmpty()) {
                return;
            }
            try {
                if (steps.releaseNext(projector, stream).isEmpty()) {
                    return; // a new open error holds the rest, or the projector stayed busy (the next retry scan goes on)
                }
            } catch (RuntimeException failure) {
                steps.parkedFailed(projector, stream, parked.get(0), failure);
                return;
            }
        }
    }
}
