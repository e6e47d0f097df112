package org.orderflow.web.operations;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.orderflow.application.replay.ReplayCheck;
import org.orderflow.web.security.Roles;
import org.orderflow.web.problem.ProblemDetails;

/**
 * Runs the replay check: every stored event through the current upcasters and aggregates.
 * Progress goes to the server log every 1,000 streams (streams done / total, events, rate).
 */
@Path("/ops/replay-check")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class ReplayCheckResource {

    private static final Logger LOG = Logger.getLogger(ReplayCheckResource.class.getName());

    @Inject
    ReplayCheck replayCheck;

    /** The check's outcome. */
    public record Result(
            @JsonbProperty("passed") boolean passed,
            @JsonbProperty("streams") long streams,
            @JsonbProperty("events") long events,
            @JsonbProperty("took_ms") long tookMillis,
            @JsonbProperty("failures") List<Failure> failures) {
    }

    @Schema(name = "ReplayFailure")
    public record Failure(
            @JsonbProperty("tenant_id") String tenantId,
            @JsonbProperty("stream_type") String streamType,
            @JsonbProperty("stream_id") String streamId,
            @JsonbProperty("error") String error) {
    }

    @POST
    @RolesAllowed(Roles.PLATFORM_OPERATOR)
    @Operation(operationId = "runReplayCheck", summary = "Replay every stored event",
            description = "Reads every stream through the current upcasters and replays it into its aggregate "
                    + "(ignoring snapshots); lists the streams that fail. Run before deploying a change to events.")
    @APIResponse(responseCode = "200", description = "The report; passed=false lists the failing streams")
    public Result run() {
        ReplayCheck.Report report = replayCheck.run(1_000, progress -> LOG.info(() -> String.format(
                "Replay check: %d/%d streams, %d events, %.0f streams/s", progress.streamsDone(),
                progress.streamsTotal(), progress.eventsDone(), progress.streamsPerSecond())));
        return new Result(report.passed(), report.streams(), report.events(), report.took().toMillis(),
                report.failures().stream().map(f -> new Failure(f.tenantId(), f.streamType(), f.streamId(), f.error()))
                        .toList());
    }
}
