package org.orderflow.web.operations;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.orderflow.application.eventstore.LogWatermark;
import org.orderflow.web.security.Roles;

/**
 * Why projections and publishing may stall: the log's safe point, the committed events it holds
 * back, and the database session whose open transaction holds it. Platform operators only: the
 * session may belong to anybody using the database cluster, and its query may show another
 * tenant's data.
 */
@Path("/ops/watermark")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class WatermarkResource {

    @Inject
    LogWatermark watermark;

    /** The log's readable point and what holds it back. */
    public record Watermark(
            @JsonbProperty("safe_transaction_id") long safeTransactionId,
            @JsonbProperty("head_position") long headPosition,
            @JsonbProperty("unreadable_events") long unreadableEvents,
            @JsonbProperty("oldest_unreadable_recorded_at") String oldestUnreadableRecordedAt,
            @JsonbProperty("held_back_by") Holder heldBackBy) {
    }

    /** The oldest open transaction in the database cluster. */
    public record Holder(
            @JsonbProperty("pid") int pid,
            @JsonbProperty("database") String database,
            @JsonbProperty("user") String user,
            @JsonbProperty("application_name") String applicationName,
            @JsonbProperty("state") String state,
            @JsonbProperty("transaction_started_at") String transactionStartedAt,
            @JsonbProperty("transaction_age_seconds") double transactionAgeSeconds,
            @JsonbProperty("query_started_at") String queryStartedAt,
            @JsonbProperty("query") String query) {
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed(Roles.PLATFORM_OPERATOR)
    @Operation(operationId = "getLogWatermark", summary = "The log's safe point and what holds it back",
            description = "Readers of the log (projectors, the publisher, a rebuild's catch-up) take only events of "
                    + "transactions older than every transaction still open in the database cluster. This shows that safe "
                    + "point, how many committed events wait behind it, and the oldest open transaction (pid, database, "
                    + "application, state, age, statement): the session to end, with pg_terminate_backend(pid), when it "
                    + "stalls everything.")
    @APIResponse(responseCode = "200", description = "The watermark; held_back_by is left out when no transaction is open")
    public Watermark read() {
        LogWatermark.Snapshot snapshot = watermark.read();
        return new Watermark(snapshot.safeTransactionId(), snapshot.headPosition(), snapshot.unreadableEvents(),
                snapshot.oldestUnreadableAt().map(Instant::toString).orElse(null),
                snapshot.holder().map(h -> new Holder(h.pid(), h.database(), h.user(), h.applicationName(), h.state(),
                        text(h.transactionStartedAt()), h.transactionAge().toMillis() / 1000.0, text(h.queryStartedAt()),
                        h.query())).orElse(null));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
