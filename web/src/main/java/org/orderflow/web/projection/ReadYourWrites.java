package org.orderflow.web.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orderflow.application.projection.ProjectionErrors;
import org.orderflow.application.projection.ProjectionStatus;
import org.orderflow.web.security.Callers;
import org.orderflow.web.problem.Problems;
import org.orderflow.web.request.ApiHeaders;

/**
 * The {@code X-Min-Position} contract: a query that sends the global position a command
 * answered waits (at most {@code orderflow.read-your-writes.timeout-ms}) until the projectors it
 * reads from have processed it; if they have not by then it answers 503 with Retry-After.
 */
@ApplicationScoped
public class ReadYourWrites {

    public static final String HEADER = "X-Min-Position";

    @Inject
    Callers callers;

    @Inject
    ProjectionStatus status;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "orderflow.read-your-writes.timeout-ms", defaultValue = "2000")
    long timeoutMillis;

    /** Waits for the projectors if the request carries a position; throws 503 if they do not get there in time. */
    public void await(HttpHeaders headers, List<String> projectors) {
        await(headers, projectors, null);
    }

    /**
     * The same for a query of one stream ({@code streamId}): only that stream's failures make
     * it 503; a list query is concerned with every failure of the caller's tenant, never with
     * another tenant's.
     */
    public void await(HttpHeaders headers, List<String> projectors, String streamId) {
        String header = headers.getHeaderString(HEADER);
        if (header == null || header.isBlank()) {
            return;
        }
        long position;
        try {
            position = Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException("Header " + HEADER + " must be a global position (a number) from a command answer");
        }
        ProjectionStatus.Passage passage = status.awaitPassed(projectors, callers.current().tenant(), streamId, position,
                Duration.ofMillis(timeoutMillis),
                Duration.ofMillis(20));
        if (passage instanceof ProjectionStatus.Passage.NotYet) {
            throw new WebApplicationException(Response.fromResponse(Problems.response(Response.Status.SERVICE_UNAVAILABLE,
                    "not-yet-projected", "Not yet projected", "The read model has not reached position " + position
                            + " within " + timeoutMillis + " ms; retry shortly", null))
                    .header("Retry-After", "1").build());
        }
        if (passage instanceof ProjectionStatus.Passage.Blocked blocked) {
            throw new WebApplicationException(blocked(position, blocked));
        }
    }

    /**
     * The write is stored but its read model cannot show it: an event up to the position failed in
     * the projector (or waits behind a failure of its stream). Not a stale 200: 503 with the
     * failure's next retry as Retry-After (none when it is dead and waits for an operator).
     */
    private Response blocked(long position, ProjectionStatus.Passage.Blocked blocked) {
        var unapplied = blocked.unapplied();
        boolean dead = unapplied.status() == ProjectionErrors.Status.DEAD || unapplied.nextRetryAt() == null;
        String detail = "The read model " + blocked.projector() + " could not apply an event up to position " + position
                + " (" + unapplied.stream().type() + " " + unapplied.stream().id() + " v" + unapplied.streamVersion() + "); "
                + (dead ? "an operator must retry or skip it (/orderflow/api/ops/projection-errors)" : "it is retried automatically");
        Response.ResponseBuilder builder = Response.fromResponse(Problems.response(Response.Status.SERVICE_UNAVAILABLE,
                "projection-failed", "Projection failed", detail, body -> body
                        .add("projector", blocked.projector())
                        .add("failed_position", unapplied.position())
                        .add("error_status", unapplied.status().name())));
        if (!dead) {
            long seconds = Math.max(1, Duration.between(clock.instant(), unapplied.nextRetryAt()).toSeconds());
            builder.header("Retry-After", Long.toString(seconds));
        }
        return builder.build();
    }
}
