package org.orderflow.web.operations;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.orderflow.application.order.Orders;
import org.orderflow.application.product.Products;
import org.orderflow.application.snapshot.SnapshotAdministration;
import org.orderflow.application.snapshot.SnapshotPolicy;
import org.orderflow.application.snapshot.SnapshotStore;
import org.orderflow.web.security.Roles;
import org.orderflow.web.problem.ProblemDetails;
import org.orderflow.web.problem.Problems;

/** Snapshot operations: statistics per stream type, and deleting a type's snapshots. */
@Path("/ops/snapshots")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class SnapshotOperationsResource {

    private static final List<String> STREAM_TYPES = List.of(Orders.STREAM_TYPE, Products.STREAM_TYPE);

    @Inject
    SnapshotAdministration administration;

    @Inject
    SnapshotPolicy policy;

    /** Snapshot statistics of one stream type. */
    public record TypeStats(
            @JsonbProperty("stream_type") String streamType,
            @JsonbProperty("interval") int interval,
            @JsonbProperty("snapshots") long snapshots,
            @JsonbProperty("max_stream_version") long maxStreamVersion,
            @JsonbProperty("ignored_stale") long ignoredStale,
            @JsonbProperty("ignored_unreadable") long ignoredUnreadable) {
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "getSnapshotStats", summary = "Snapshot statistics per stream type",
            description = "Interval, how many streams have a snapshot, how far they reach, and how many snapshots "
                    + "were ignored (stale schema or unreadable) since the server started.")
    @APIResponse(responseCode = "200", description = "One entry per stream type")
    public List<TypeStats> stats() {
        var stored = administration.stats();
        return STREAM_TYPES.stream().map(type -> stored.stream().filter(s -> s.streamType().equals(type)).findFirst()
                        .map(s -> new TypeStats(type, policy.interval(type), s.count(), s.maxStreamVersion(),
                                s.ignoredStale(), s.ignoredUnreadable()))
                        .orElse(new TypeStats(type, policy.interval(type), 0, 0, 0, 0)))
                .toList();
    }

    @DELETE
    @Path("/{streamType}")
    @RolesAllowed(Roles.PLATFORM_OPERATOR)
    @Operation(operationId = "deleteSnapshots", summary = "Delete a stream type's snapshots",
            description = "Forces re-snapshotting: loads replay from events until the next interval crossing.")
    @APIResponse(responseCode = "200", description = "How many were deleted")
    @APIResponse(responseCode = "404", description = "Unknown stream type",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public Map<String, Object> delete(@PathParam("streamType") String streamType) {
        if (!STREAM_TYPES.contains(streamType)) {
            throw new NotFoundException("Unknown stream type '" + streamType + "'; known: " + STREAM_TYPES);
        }
        return Map.of("stream_type", streamType, "deleted", administration.deleteAll(streamType));
    }
}
