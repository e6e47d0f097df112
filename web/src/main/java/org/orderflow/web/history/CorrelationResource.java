package org.orderflow.web.history;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.web.problem.ProblemDetails;
import org.orderflow.web.problem.Problems;
import org.orderflow.web.security.Callers;
import org.orderflow.web.security.Roles;

/**
 * Follows a correlation id across streams: everything one client request set in motion (the
 * order's events, the stock moves and payment steps of its checkout), in log order.
 */
@Path("/ops/correlations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class CorrelationResource {

    @Inject
    EventStore events;

    @Inject
    Callers callers;

    /** A page of one correlation's events; {@code next_after_position} pages on. */
    public record CorrelatedPage(
            @JsonbProperty("correlation_id") String correlationId,
            @JsonbProperty("events") List<HistoryPage.Entry> events,
            @JsonbProperty("next_after_position") Long nextAfterPosition) {
    }

    @GET
    @Path("/{correlationId}")
    @Transactional
    @RolesAllowed({Roles.OPERATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "listCorrelatedEvents", summary = "Follow a correlation id across streams",
            description = "The events whose metadata carries the correlation id (every stream, in log position order), "
                    + "paged by after_position; an operator sees its own tenant's, a platform operator every tenant's.")
    @APIResponse(responseCode = "200", description = "A page of events, possibly empty",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CorrelatedPage.class)))
    @APIResponse(responseCode = "400", description = "A correlation id that is not 1 to 128 of A-Z a-z 0-9 . _ : - (as X-Correlation-ID), or "
            + "another invalid parameter",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public CorrelatedPage list(@PathParam("correlationId") @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}") String correlationId,
                               @QueryParam("after_position") @DefaultValue("0") @Min(0) long afterPosition,
                               @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        List<RecordedEvent> page = events.correlated(correlationId, callers.current().operatorScope(), afterPosition, limit);
        Long next = page.size() == limit ? page.get(page.size() - 1).position() : null;
        return new CorrelatedPage(correlationId, page.stream().map(HistoryPage.Entry::of).toList(), next);
    }
}
