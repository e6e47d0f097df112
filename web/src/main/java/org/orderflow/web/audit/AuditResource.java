package org.orderflow.web.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.orderflow.application.audit.AuditTrail;
import org.orderflow.application.audit.OperatorAction;
import org.orderflow.application.audit.OperatorAudit;
import org.orderflow.web.security.Callers;
import org.orderflow.web.security.Roles;
import org.orderflow.web.problem.ProblemDetails;
import org.orderflow.web.problem.Problems;

/** The operator audit trail, newest first. */
@Path("/ops/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class AuditResource {

    @Inject
    Callers callers;

    @Inject
    OperatorAudit audit;

    /** One recorded operator action. */
    public record Entry(
            @JsonbProperty("id") long id,
            @JsonbProperty("at") String at,
            @JsonbProperty("actor") String actor,
            @JsonbProperty("tenant_id") String tenantId,
            @JsonbProperty("action") String action,
            @JsonbProperty("method") String method,
            @JsonbProperty("path") String path,
            @JsonbProperty("parameters") Map<String, String> parameters,
            @JsonbProperty("outcome") String outcome,
            @JsonbProperty("status") int status,
            @JsonbProperty("detail") String detail) {

        static Entry of(OperatorAction action) {
            return new Entry(action.id(), action.at().toString(), action.actor(), action.tenantId(), action.action(),
                    action.method(), action.path(), action.parameters(), action.outcome().name().toLowerCase(Locale.ROOT),
                    action.status(), action.detail());
        }
    }

    /** A page of the trail. */
    public record Page(
            @JsonbProperty("entries") List<Entry> entries,
            @JsonbProperty("page") int page,
            @JsonbProperty("size") int size) {
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "listOperatorActions", summary = "The operator audit trail", description = "Every "
            + "operations call that changed something or tried to (rebuilds and their cancellation, retries, skips, "
            + "dead-letter replays and purges, snapshot deletes, replay checks): who, when, tenant, action (the operation "
            + "id), path, parameters (path, query.*, body), outcome (succeeded, refused, failed), HTTP status, the "
            + "problem's detail. Newest first; filter by actor, tenant_id, action, outcome and a time range "
            + "(since inclusive, until exclusive, ISO-8601 instants). The trail is append-only in the database. A tenant's "
            + "operator sees its own tenant's entries; a platform operator every tenant's (tenant_id * : actions of a "
            + "token without tenant).")
    @APIResponse(responseCode = "200", description = "A page of entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Page.class)))
    @APIResponse(responseCode = "400", description = "An invalid filter or page",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public Page list(@QueryParam("actor") @Size(max = 128) String actor,
                     @QueryParam("tenant_id") @Size(max = 64) String tenantId,
                     @QueryParam("action") @Size(max = 128) String action,
                     @QueryParam("outcome") @Pattern(regexp = "succeeded|refused|failed") String outcome,
                     @QueryParam("since") @Schema(type = SchemaType.STRING, format = "date-time") String since,
                     @QueryParam("until") @Schema(type = SchemaType.STRING, format = "date-time") String until,
                     @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Optional<String> scope = callers.current().operatorScope();
        if (scope.isPresent() && tenantId != null && !tenantId.equals(scope.get())) {
            return new Page(List.of(), page, size); // a tenant's operator sees its own tenant's entries only
        }
        List<Entry> entries = audit.find(new AuditTrail.Query(actor, scope.orElse(tenantId), action,
                        outcome == null ? null : OperatorAction.Outcome.valueOf(outcome.toUpperCase(Locale.ROOT)),
                        instant("since", since), instant("until", until), page, size))
                .stream().map(Entry::of).toList();
        return new Page(entries, page, size);
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 instant such as 2026-12-02T10:00:00Z");
        }
    }
}
