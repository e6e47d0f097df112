package org.orderflow.web.projection;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.orderflow.application.projection.ProjectionErrors;
import org.orderflow.application.projection.Projectors;
import org.orderflow.application.projection.ProjectionRetries;
import org.orderflow.web.security.Callers;
import org.orderflow.web.security.Roles;
import org.orderflow.web.problem.ProblemDetails;
import org.orderflow.web.problem.Problems;

/**
 * Failed projection events: list (failed / pending retry / dead, by projector), retry one now,
 * retry every dead letter of a projector, skip one (recorded with who and why).
 */
@Path("/ops/projection-errors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class ProjectionErrorsResource {

    @Inject
    ProjectionErrors errors;

    @Inject
    ProjectionRetries retries;

    @Inject
    Projectors projectors;

    @Inject
    Callers callers;

    /** One failed event. */
    @Schema(name = "ProjectionFailure")
    public record Failure(
            @JsonbProperty("id") long id,
            @JsonbProperty("projector") String projector,
            @JsonbProperty("status") String status,
            @JsonbProperty("tenant_id") String tenantId,
            @JsonbProperty("stream_type") String streamType,
            @JsonbProperty("stream_id") String streamId,
            @JsonbProperty("stream_version") long streamVersion,
            @JsonbProperty("position") long position,
            @JsonbProperty("event_type") String eventType,
            @JsonbProperty("error") String error,
            @JsonbProperty("stack_summary") String stackSummary,
            @JsonbProperty("retry_count") int retryCount,
            @JsonbProperty("next_retry_at") String nextRetryAt,
            @JsonbProperty("parked_events") int parkedEvents,
            @JsonbProperty("created_at") String createdAt,
            @JsonbProperty("resolved_by") String resolvedBy,
            @JsonbProperty("resolution") String resolution) {

        static Failure of(ProjectionErrors.Failure f) {
            return new Failure(f.id(), f.projector(), f.status().name(), f.stream().tenantId(), f.stream().type(),
                    f.stream().id(), f.streamVersion(), f.position(), f.eventType(), f.message(), f.stackSummary(),
                    f.retryCount(), f.nextRetryAt() == null ? null : f.nextRetryAt().toString(), f.parked(),
                    f.createdAt().toString(), f.resolvedBy(), f.resolution());
        }
    }

    /** {@code {"skip":{"reason":"…"}}}; who skips is the token's subject. */
    public record SkipBody(@NotNull @Valid @JsonbProperty("skip") Skip skip) {
    }

    public record Skip(@NotBlank @Size(max = 500) @JsonbProperty("reason") String reason) {
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed({Roles.OPERATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "listProjectionErrors", summary = "Failed projection events", description = "Newest first; "
            + "filter by projector and status (RETRY_PENDING, DEAD, RESOLVED, SKIPPED).")
    @APIResponse(responseCode = "200", description = "The failures")
    public List<Failure> list(@QueryParam("projector") String projector,
                              @QueryParam("status") @Pattern(regexp = "RETRY_PENDING|DEAD|RESOLVED|SKIPPED") String status,
                              @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return errors.list(projector, status == null ? null : ProjectionErrors.Status.valueOf(status),
                        callers.current().operatorScope(), limit).stream()
                .map(Failure::of).toList();
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed({Roles.OPERATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "retryProjectionError", summary = "Retry a failed event now", description = "Applies it "
            + "again whatever its schedule (dead ones too); on success the error records the operator (the token's "
            + "subject) as resolved_by, and its stream's parked events are applied in order.")
    @APIResponse(responseCode = "200", description = "outcome: RESOLVED, FAILED_AGAIN, DEAD or BUSY")
    @APIResponse(responseCode = "404", description = "No such error",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public Map<String, Object> retry(@PathParam("id") long id) {
        requireInScope(id);
        ProjectionRetries.Outcome outcome = retries.retry(id, callers.current().subject())
                .orElseThrow(() -> new NotFoundException("No projection error " + id));
        return Map.of("id", id, "outcome", outcome.name());
    }

    @POST
    @Path("/retry-dead")
    @RolesAllowed(Roles.PLATFORM_OPERATOR)
    @Operation(operationId = "retryDeadProjectionErrors", summary = "Retry every dead letter of a projector",
            description = "?projector=<name>")
    @APIResponse(responseCode = "200", description = "How many resolved")
    @APIResponse(responseCode = "400", description = "No projector, or another invalid parameter or header",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    @APIResponse(responseCode = "404", description = "Unknown projector",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public Map<String, Object> retryDead(@QueryParam("projector") @NotBlank String name) {
        projectors.named(name).orElseThrow(() -> new NotFoundException("Unknown projector '" + name + "'"));
        return Map.of("projector", name, "resolved", retries.retryDead(name, callers.current().subject()));
    }

    @POST
    @Path("/{id}/skip")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "skipProjectionError", summary = "Skip a failed event", description = "Closes the error "
            + "without applying the event, recording who (the token's subject) and why; the stream's parked events are "
            + "then applied in order.")
    @APIResponse(responseCode = "200", description = "Skipped")
    @APIResponse(responseCode = "400", description = "No reason, or another invalid body, parameter or header",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    @APIResponse(responseCode = "404", description = "No such error",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public Map<String, Object> skip(@PathParam("id") long id, @NotNull @Valid SkipBody body) {
        requireInScope(id);
        String who = callers.current().subject();
        if (!retries.skip(id, who, body.skip().reason())) {
            throw new NotFoundException("No projection error " + id);
        }
        return Map.of("id", id, "status", "SKIPPED", "by", who);
    }

    /** Another tenant's error is, for a tenant's operator, no error at all (404). */
    private void requireInScope(long id) {
        errors.find(id).filter(failure -> callers.current().mayOperateOn(failure.stream().tenantId()))
                .orElseThrow(() -> new NotFoundException("No projection error " + id));
    }
}
