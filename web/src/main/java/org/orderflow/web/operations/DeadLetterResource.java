package org.orderflow.web.operations;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DELETE;
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
import org.orderflow.application.consumer.DeadLetters;
import org.orderflow.web.security.Callers;
import org.orderflow.web.security.Roles;
import org.orderflow.web.problem.ProblemDetails;
import org.orderflow.web.problem.Problems;

/**
 * The consumers' dead-letter queue: messages a consumer still failed on after the broker's
 * redelivery limit. Replay publishes a message again on the events topic (subscribers that
 * already processed it absorb it through their inbox); purge drops it. A tenant's operator sees,
 * replays and purges only messages of its tenant's events; the bulk actions are the platform's.
 */
@Path("/ops/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class DeadLetterResource {

    @Inject
    DeadLetters deadLetters;

    @Inject
    Callers callers;

    public record Letter(
            @JsonbProperty("message_id") String messageId,
            @JsonbProperty("event_id") String eventId,
            @JsonbProperty("event_type") String eventType,
            @JsonbProperty("stream_id") String streamId,
            @JsonbProperty("subscription") String subscription,
            @JsonbProperty("reason") String reason,
            @JsonbProperty("dead_at") String deadAt,
            @JsonbProperty("delivery_count") int deliveryCount,
            @JsonbProperty("body") String body) {

        static Letter of(DeadLetters.DeadLetter d) {
            return new Letter(d.messageId(), d.eventId().orElse(null), d.eventType().orElse(null),
                    d.streamId().orElse(null), d.subscription().orElse(null), d.reason().orElse(null),
                    d.deadAt().map(Object::toString).orElse(null), d.deliveryCount(), d.body());
        }
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "listDeadLetters", summary = "Dead-lettered messages",
            description = "Oldest first, with the failing subscription and the broker's reason.")
    @APIResponse(responseCode = "200", description = "At most limit messages")
    public List<Letter> list(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return deadLetters.list(limit, callers.current().operatorScope()).stream().map(Letter::of).toList();
    }

    @POST
    @Path("/{messageId}/replay")
    @RolesAllowed({Roles.OPERATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "replayDeadLetter", summary = "Replay one message",
            description = "Publishes it again on the events topic and removes it.")
    @APIResponse(responseCode = "200", description = "Replayed")
    @APIResponse(responseCode = "404", description = "No such dead letter",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public Map<String, Object> replay(@PathParam("messageId") String messageId) {
        if (!deadLetters.replay(messageId, callers.current().operatorScope())) {
            throw new NotFoundException("No dead letter " + messageId);
        }
        return Map.of("message_id", messageId, "outcome", "REPLAYED");
    }

    @POST
    @Path("/replay")
    @RolesAllowed(Roles.PLATFORM_OPERATOR)
    @Operation(operationId = "replayDeadLetters", summary = "Replay every dead letter")
    @APIResponse(responseCode = "200", description = "How many were replayed")
    public Map<String, Object> replayAll() {
        return Map.of("replayed", deadLetters.replayAll());
    }

    @DELETE
    @Path("/{messageId}")
    @RolesAllowed({Roles.OPERATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "purgeDeadLetter", summary = "Purge one message")
    @APIResponse(responseCode = "200", description = "Purged")
    @APIResponse(responseCode = "404", description = "No such dead letter",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public Map<String, Object> purge(@PathParam("messageId") String messageId) {
        if (!deadLetters.purge(messageId, callers.current().operatorScope())) {
            throw new NotFoundException("No dead letter " + messageId);
        }
        return Map.of("message_id", messageId, "outcome", "PURGED");
    }

    @DELETE
    @RolesAllowed(Roles.PLATFORM_OPERATOR)
    @Operation(operationId = "purgeDeadLetters", summary = "Purge every dead letter")
    @APIResponse(responseCode = "200", description = "How many were purged")
    public Map<String, Object> purgeAll() {
        return Map.of("purged", deadLetters.purgeAll());
    }
}
