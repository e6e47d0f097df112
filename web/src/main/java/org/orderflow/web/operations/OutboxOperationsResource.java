package org.orderflow.web.operations;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.orderflow.application.consumer.Inbox;
import org.orderflow.application.integration.WebhookForwarding;
import org.orderflow.application.notification.OrderNotifications;
import org.orderflow.application.outbox.FailureStreak;
import org.orderflow.application.outbox.Outbox;
import org.orderflow.application.outbox.OutboxPublisher;
import org.orderflow.web.security.Roles;
import org.orderflow.web.problem.ProblemDetails;

/** Where the outbox publisher is, what waits, how it is doing, and what each consumer has processed. */
@Path("/ops/outbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class OutboxOperationsResource {

    @Inject
    Outbox outbox;

    @Inject
    OutboxPublisher publisher;

    @Inject
    Inbox inbox;

    public record Status(
            @JsonbProperty("publisher") String publisher,
            @JsonbProperty("state") String state,
            @JsonbProperty("cursor_transaction_id") long cursorTransactionId,
            @JsonbProperty("cursor_position") long cursorPosition,
            @JsonbProperty("published_total") long publishedTotal,
            @JsonbProperty("last_published_at") String lastPublishedAt,
            @JsonbProperty("pending_events") long pendingEvents,
            @JsonbProperty("oldest_pending_ms") long oldestPendingMs,
            @JsonbProperty("consecutive_failures") long consecutiveFailures,
            @JsonbProperty("last_error") String lastError,
            @JsonbProperty("next_attempt_at") String nextAttemptAt,
            @JsonbProperty("consumers") List<Consumer> consumers) {
    }

    public record Consumer(@JsonbProperty("name") String name, @JsonbProperty("processed") long processed) {
    }

    @GET
    @Transactional(Transactional.TxType.REQUIRED)
    @RolesAllowed({Roles.OPERATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "getOutboxStatus", summary = "Outbox publisher status", description = "Cursor, backlog "
            + "(committed events not yet published) and its age, failures and backoff, and events processed per consumer "
            + "(within the inbox retention).")
    @APIResponse(responseCode = "200", description = "The publisher's state")
    public Status status() {
        // the streak is the publisher's, read from the database: every server shows the same state
        Outbox.Status status = outbox.status(publisher.name());
        Optional<FailureStreak> failing = status.failing();
        return new Status(status.publisher(), failing.isPresent() ? "backing-off" : "publishing",
                status.cursor().transactionId(), status.cursor().position(), status.publishedCount(),
                status.lastPublishedAt().map(Object::toString).orElse(null), status.pending(),
                status.oldestPending().toMillis(), failing.map(FailureStreak::failures).orElse(0),
                failing.map(FailureStreak::lastError).orElse(null),
                failing.map(f -> f.retryAt().toString()).orElse(null),
                List.of(new Consumer(OrderNotifications.NAME, inbox.processedCount(OrderNotifications.NAME)),
                        new Consumer(WebhookForwarding.NAME, inbox.processedCount(WebhookForwarding.NAME))));
    }
}
