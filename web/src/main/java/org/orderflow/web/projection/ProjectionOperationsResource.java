package org.orderflow.web.projection;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.orderflow.application.projection.RebuildJob;
import org.orderflow.application.projection.RebuildRunning;
import org.orderflow.web.security.Roles;
import org.orderflow.web.schedule.RebuildJobRunner;
import jakarta.json.bind.annotation.JsonbProperty;
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

    @EJB
    RebuildJobRunner runner;

    /** One projector's state. */
    public record State(
            @JsonbProperty("projector") String projector,
            @JsonbProperty("transaction_id") long transactionId,
            @JsonbProperty("position") long position,
            @JsonbProperty("last_processed_at") String lastProcessedAt,
            @JsonbProperty("lag_events") long lagEvents,
            @JsonbProperty("lag_seconds") double lagSeconds,
            @JsonbProperty("subscribes_to") List<String> subscribesTo,
            @JsonbProperty("rebuildable") boolean rebuildable,
            @JsonbProperty("segments") List<Segment> segments) {
    }

    /**
     * One segment of a projector (a projector of one segment has one, keyed by its name): the servers of a
     * deployment apply a split projector's segments in parallel; owner names the server that moved the
     * segment's checkpoint last ({@code orderflow.node.name}).
     */
    public record Segment(
            @JsonbProperty("key") String key,
            @JsonbProperty("transaction_id") long transactionId,
            @JsonbProperty("position") long position,
            @JsonbProperty("last_processed_at") String lastProcessedAt,
            @JsonbProperty("owner") String owner,
            @JsonbProperty("lag_events") long lagEvents,
            @JsonbProperty("lag_seconds") double lagSeconds) {

        static Segment of(ProjectionStatus.SegmentState s) {
            return new Segment(s.key(), s.checkpoint().transactionId(), s.checkpoint().position(),
                    s.lastProcessedAt() == null ? null : s.lastProcessedAt().toString(), s.owner(), s.lagEvents(),
                    s.lagTime().toMillis() / 1000.0);
        }
    }

    /** What a single stream's rebuild did. */
    public record Rebuilt(
            @JsonbProperty("projector") String projector,
            @JsonbProperty("took_ms") long tookMillis,
            @JsonbProperty("stream_id") String streamId) {
    }

    /** A rebuild job and its progress. */
    public record Job(
            @JsonbProperty("job_id") long jobId,
            @JsonbProperty("projector") String projector,
            @JsonbProperty("state") String state,
            @JsonbProperty("events_done") long eventsDone,
            @JsonbProperty("events_total") long eventsTotal,
            @JsonbProperty("percent_done") double percentDone,
            @JsonbProperty("events_per_second") long eventsPerSecond,
            @JsonbProperty("eta_seconds") Double etaSeconds,
            @JsonbProperty("cancel_requested") boolean cancelRequested,
            @JsonbProperty("error") String error,
            @JsonbProperty("started_at") String startedAt,
            @JsonbProperty("finished_at") String finishedAt) {

        static Job of(RebuildJob job) {
            return new Job(job.id(), job.projector(), job.state().name().toLowerCase(Locale.ROOT), job.eventsDone(),
                    Math.max(job.eventsTotal(), job.eventsDone()), Math.round(job.fractionDone() * 1000) / 10.0,
                    Math.round(job.eventsPerSecond()), job.eta().map(eta -> eta.toMillis() / 1000.0).orElse(null),
                    job.cancelRequested(), job.error(), job.startedAt().toString(),
                    job.finishedAt() == null ? null : job.finishedAt().toString());
        }
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "listProjections", summary = "Projection status", description = "Per projector: "
            + "checkpoint (transaction id, position), last processed time, lag in events and seconds behind the head of "
            + "the log, event types it subscribes to, whether it can be rebuilt (it declares tables of its own).")
    @APIResponse(responseCode = "200", description = "One entry per projector")
    public List<State> status() {
        return status.all().stream().map(s -> new State(s.projector(), s.checkpoint().transactionId(),
                s.checkpoint().position(), s.lastProcessedAt() == null ? null : s.lastProcessedAt().toString(),
                s.lagEvents(), s.lagTime().toMillis() / 1000.0,
                projector(s.projector()).subscribesTo().stream().map(Class::getSimpleName).sorted().toList(),
                !projector(s.projector()).tables().isEmpty(),
                s.segments().stream().map(Segment::of).toList())).toList();
    }

    @POST
    @Path("/{name}/rebuild")
    @RolesAllowed(Roles.PLATFORM_OPERATOR)
    @Operation(operationId = "rebuildProjection", summary = "Rebuild a read model", description = "Without parameters: "
            + "starts a blue/green rebuild job and answers 202 at once. The job builds the new read model beside the "
            + "live one (one cursor over the log, then the events written meanwhile); queries keep reading the live one, "
            + "which the live run keeps current, until the job swaps the new one in atomically. Follow it at the "
            + "Location. With stream_type and stream_id (and tenant_id): rebuilds that stream's rows in place, at once.")
    @APIResponse(responseCode = "202", description = "Rebuild job started; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Job.class)))
    @APIResponse(responseCode = "200", description = "The stream's rows were rebuilt",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rebuilt.class)))
    @APIResponse(responseCode = "400", description = "stream_type without stream_id (a UUID) or the reverse, "
            + "or another invalid parameter or header",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    @APIResponse(responseCode = "404", description = "Unknown projector",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    @APIResponse(responseCode = "409", description = "rebuild-running: a rebuild of the projector is running "
            + "(Location names it); projector-busy: the stream's rebuild waited 5 s for the projector's running batch "
            + "(Retry-After); not-rebuildable: the projector declares no tables of its own",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public Response rebuild(@PathParam("name") String name,
                            @QueryParam("tenant_id") @DefaultValue(StreamId.DEFAULT_TENANT) String tenantId,
                            @QueryParam("stream_type") String streamType,
                            @QueryParam("stream_id") String streamId,
                            @Context UriInfo uri) {
        Projector projector = projector(name);
        if (projector.tables().isEmpty()) {
            return Problems.response(Response.Status.CONFLICT, "not-rebuildable", "Projector not rebuildable",
                    "Projector " + name + " declares no tables of its own to rebuild (a process manager, whose steps "
                            + "must not be taken again, is never rebuilt)", null);
        }
        if (streamId != null || streamType != null) {
            if (streamId == null || streamType == null || Ids.parse(streamId).isEmpty()) {
                throw new BadRequestException("stream_type and stream_id (a UUID) go together");
            }
            long started = System.nanoTime();
            // waits in the database for the live run's current batch (at most 5 s)
            if (!rebuild.rebuildStream(projector, new StreamId(tenantId, streamType, streamId))) {
                throw new ProjectorBusy(name);
            }
            return Response.ok(new Rebuilt(name, (System.nanoTime() - started) / 1_000_000, streamId)).build();
        }
        if (projector.tables().isEmpty()) {
            return Problems.response(Response.Status.CONFLICT, "not-rebuildable", "Projector not rebuildable",
                    "Projector " + name + " declares no tables of its own to rebuild beside the live ones", null);
        }
        RebuildJob job;
        try {
            job = rebuild.start(projector);
        } catch (RebuildRunning running) {
            return Response.fromResponse(Problems.response(Response.Status.CONFLICT, "rebuild-running", "Rebuild running",
                            running.getMessage(), body -> body.add("job_id", running.running().id())))
                    .location(jobUri(uri, name, running.running().id())).build();
        }
        runner.run(job.id());
        LOG.info(() -> "Rebuild " + job.id() + " of " + name + " started: " + job.eventsTotal() + " events in the log");
        return Response.accepted(Job.of(job)).location(jobUri(uri, name, job.id())).build();
    }

    @GET
    @Path("/{name}/rebuilds")
    @RolesAllowed({Roles.OPERATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "listRebuilds", summary = "A projector's rebuild jobs",
            description = "Newest first, at most 20, with progress (events done/total, events/s, ETA) and outcome.")
    @APIResponse(responseCode = "200", description = "The jobs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Job.class)))
    @APIResponse(responseCode = "404", description = "Unknown projector",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public List<Job> rebuilds(@PathParam("name") String name) {
        return rebuild.jobs(projector(name), 20).stream().map(Job::of).toList();
    }

    @GET
    @Path("/{name}/rebuilds/{job}")
    @RolesAllowed({Roles.OPERATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "getRebuild", summary = "A rebuild job", description = "State (running, done, failed, "
            + "cancelled), events done/total, percent, events/s, ETA, error.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Job.class)))
    @APIResponse(responseCode = "404", description = "Unknown projector or job",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public Job rebuildJob(@PathParam("name") String name, @PathParam("job") long jobId) {
        return Job.of(job(name, jobId));
    }

    @DELETE
    @Path("/{name}/rebuilds/{job}")
    @RolesAllowed(Roles.PLATFORM_OPERATOR)
    @Operation(operationId = "cancelRebuild", summary = "Cancel a rebuild", description = "Asks a running job to stop: "
            + "at its next batch it drops the new read model; the live one stays as it is.")
    @APIResponse(responseCode = "202", description = "Cancellation requested; the job stops at its next batch",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Job.class)))
    @APIResponse(responseCode = "404", description = "Unknown projector or job",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    @APIResponse(responseCode = "409", description = "rebuild-finished: the job is not running",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public Response cancel(@PathParam("name") String name, @PathParam("job") long jobId) {
        job(name, jobId);
        if (!rebuild.cancel(jobId)) {
            return Problems.response(Response.Status.CONFLICT, "rebuild-finished", "Rebuild finished",
                    "Rebuild " + jobId + " is not running", null);
        }
        return Response.accepted(Job.of(job(name, jobId))).build();
    }

    private RebuildJob job(String name, long jobId) {
        projector(name);
        return rebuild.find(jobId).filter(job -> job.projector().equals(name))
                .orElseThrow(() -> new NotFoundException("No rebuild " + jobId + " of projector " + name));
    }

    private static URI jobUri(UriInfo uri, String name, long jobId) {
        return uri.getBaseUriBuilder().path("ops/projections").path(name).path("rebuilds").path(String.valueOf(jobId)).build();
    }

    private Projector projector(String name) {
        return projectors.named(name).orElseThrow(() -> new NotFoundException("Unknown projector '" + name + "'; known: "
                + projectors.all().stream().map(Projector::name).toList()));
    }
}
