package org.orderflow.web.projection;

import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.orderflow.application.eventstore.StreamId;
import org.orderflow.application.projection.Projectors;
import org.orderflow.application.projection.ProjectionRebuild;
import org.orderflow.application.projection.ProjectorBusy;
import org.orderflow.application.projection.ProjectionStatus;
import org.orderflow.application.projection.Projector;
import org.orderflow.web.problem.Problems;
import org.orderflow.web.problem.ProblemDetails;
import org.orderflow.web.request.Ids;

/** Operator endpoints of the read side: projection status with lag, and rebuilds. */
@Path("/ops/projections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class ProjectionOperationsResource {

    private static final Logger LOG = Logger.getLogger(ProjectionOperationsResource.class.getName());

    @Inject
    ProjectionStatus status;

    @Inject
    Projectors projectors;

    @Inject
    ProjectionRebuild rebuild;

    /** One projector's state. */
    public record State(
            @JsonbProperty("projector") String projector,
            @JsonbProperty("transaction_id") long transactionId,
            @JsonbProperty("position") long position,
            @JsonbProperty("last_processed_at") String lastProcessedAt,
            @JsonbProperty("lag_events") long lagEvents,
            @JsonbProperty("lag_seconds") double lagSeconds,
            @JsonbProperty("subscribes_to") List<String> subscribesTo) {
    }

    /** What a rebuild did. */
    public record Rebuilt(
            @JsonbProperty("projector") String projector,
            @JsonbProperty("events") long events,
            @JsonbProperty("took_ms") long tookMillis,
            @JsonbProperty("events_per_second") double eventsPerSecond,
            @JsonbProperty("stream_id") String streamId) {
    }

    @GET
    @Operation(operationId = "listProjections", summary = "Projection status", description = "Per projector: "
            + "checkpoint (transaction id, position), last processed time, lag in events and seconds behind the head of "
            + "the log, event types it subscribes to.")
    @APIResponse(responseCode = "200", description = "One entry per projector")
    public List<State> status() {
        return status.all().stream().map(s -> new State(s.projector(), s.checkpoint().transactionId(),
                s.checkpoint().position(), s.lastProcessedAt() == null ? null : s.lastProcessedAt().toString(),
                s.lagEvents(), s.lagTime().toMillis() / 1000.0,
                projector(s.projector()).subscribesTo().stream().map(Class::getSimpleName).sorted().toList())).toList();
    }

    @POST
    @Path("/{name}/rebuild")
    @Operation(operationId = "rebuildProjection", summary = "Rebuild a read model", description = "Without parameters: "
            + "empties the read model, resets the checkpoint and replays the whole log (progress in the server log, "
            + "writes meanwhile are neither lost nor applied twice). With stream_type and stream_id (and tenant_id): "
            + "rebuilds that stream's rows only.")
    @APIResponse(responseCode = "200", description = "What was rebuilt")
    @APIResponse(responseCode = "400", description = "stream_type without stream_id (a UUID) or the reverse, "
            + "batch_size out of range, or another invalid parameter or header",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    @APIResponse(responseCode = "404", description = "Unknown projector",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    @APIResponse(responseCode = "409", description = "projector-busy: the rebuild waited 5 s for the projector's "
            + "running batch (Retry-After)",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public Rebuilt rebuild(@PathParam("name") String name,
                           @QueryParam("batch_size") @DefaultValue("1000") @Min(1) @Max(10_000) int batchSize,
                           @QueryParam("tenant_id") @DefaultValue(StreamId.DEFAULT_TENANT) String tenantId,
                           @QueryParam("stream_type") String streamType,
                           @QueryParam("stream_id") String streamId) {
        Projector projector = projector(name);
        if (streamId != null || streamType != null) {
            if (streamId == null || streamType == null || Ids.parse(streamId).isEmpty()) {
                throw new BadRequestException("stream_type and stream_id (a UUID) go together");
            }
            long started = System.nanoTime();
            // waits in the database for the live run's current batch (at most 5 s)
            if (!rebuild.rebuildStream(projector, new StreamId(tenantId, streamType, streamId))) {
                throw new ProjectorBusy(name);
            }
            return new Rebuilt(name, -1, (System.nanoTime() - started) / 1_000_000, 0, streamId);
        }
        ProjectionRebuild.Progress done = rebuild.rebuild(projector, batchSize, progress -> LOG.info(() -> String.format(
                "Rebuild %s: %d/%d events, %.0f events/s", progress.projector(), progress.eventsDone(),
                progress.eventsTotal(), progress.eventsPerSecond())));
        return new Rebuilt(name, done.eventsDone(), done.elapsed().toMillis(), Math.round(done.eventsPerSecond()), null);
    }

    private Projector projector(String name) {
        return projectors.named(name).orElseThrow(() -> new NotFoundException("Unknown projector '" + name + "'; known: "
                + projectors.all().stream().map(Projector::name).toList()));
    }
}
