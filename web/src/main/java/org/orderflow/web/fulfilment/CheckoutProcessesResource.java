package org.orderflow.web.fulfilment;

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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.orderflow.application.command.CommandBus;
import org.orderflow.application.command.CommandContext;
import org.orderflow.application.fulfilment.CheckoutProcess;
import org.orderflow.application.fulfilment.CheckoutProcesses;
import org.orderflow.application.order.OrderCommands;
import org.orderflow.web.problem.ProblemDetails;
import org.orderflow.web.problem.Problems;
import org.orderflow.web.request.Ids;
import org.orderflow.web.security.Caller;
import org.orderflow.web.security.Callers;
import org.orderflow.web.security.Roles;

/**
 * The checkouts, for operators: list them by state with their current step and age; retry a
 * stuck provider call now; abort a running checkout (the process then releases the stock and
 * refunds what may have been taken). A tenant's operator sees and touches its own tenant's
 * checkouts only. Every retry and abort is in the operator audit trail.
 */
@Path("/ops/processes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class CheckoutProcessesResource {

    @Inject
    CheckoutProcesses processes;

    @Inject
    CommandBus commands;

    @Inject
    Callers callers;

    @Inject
    Clock clock;

    /** One checkout. */
    @Schema(name = "CheckoutProcess")
    public record Process(
            @JsonbProperty("order_id") String orderId,
            @JsonbProperty("tenant_id") String tenantId,
            @JsonbProperty("state") String state,
            @JsonbProperty("step") String step,
            @JsonbProperty("amount_cents") long amountCents,
            @JsonbProperty("payment_attempts") int paymentAttempts,
            @JsonbProperty("next_attempt_at") String nextAttemptAt,
            @JsonbProperty("deadline") String deadline,
            @JsonbProperty("authorization_id") String authorizationId,
            @JsonbProperty("reason_code") String reasonCode,
            @JsonbProperty("last_error") String lastError,
            @JsonbProperty("started_at") String startedAt,
            @JsonbProperty("updated_at") String updatedAt,
            @JsonbProperty("age_seconds") long ageSeconds) {

        static Process of(CheckoutProcess p, Clock clock) {
            return new Process(p.orderId().toString(), p.tenantId(), p.state().name(), p.step(), p.amountCents(),
                    p.paymentAttempts(), text(p.nextAttemptAt()), text(p.deadline()), p.authorizationId(), p.reasonCode(),
                    p.lastError(), p.startedAt().toString(), p.updatedAt().toString(),
                    Duration.between(p.startedAt(), clock.instant()).toSeconds());
        }

        private static String text(java.time.Instant instant) {
            return instant == null ? null : instant.toString();
        }
    }

    /** {@code {"abort":{"reason":"…"}}}; who aborts is the token's subject. */
    public record AbortBody(@NotNull @Valid @JsonbProperty("abort") Abort abort) {
    }

    public record Abort(@NotBlank @Size(max = 500) @JsonbProperty("reason") String reason) {
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed({Roles.OPERATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "listCheckouts", summary = "Checkouts", description = "Newest first; filter by state "
            + "(RUNNING, WAITING_FOR_PAYMENT, COMPENSATING, FAILED, DONE).")
    @APIResponse(responseCode = "200", description = "The checkouts with their step and age")
    public List<Process> list(
            @QueryParam("state") @Pattern(regexp = "RUNNING|WAITING_FOR_PAYMENT|COMPENSATING|FAILED|DONE") String state,
            @QueryParam("offset") @DefaultValue("0") @Min(0) @Max(1_000_000) int offset,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return processes.list(callers.current().operatorScope(),
                        Optional.ofNullable(state).map(CheckoutProcess.State::valueOf), offset, limit)
                .stream().map(p -> Process.of(p, clock)).toList();
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed({Roles.OPERATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "retryCheckout", summary = "Retry a checkout's provider call now",
            description = "Makes the waiting authorization (or refund) call due now, whatever its backoff.")
    @APIResponse(responseCode = "200", description = "Due now")
    @APIResponse(responseCode = "404", description = "No such checkout in the operator's scope",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    @APIResponse(responseCode = "409", description = "The checkout waits for no provider call",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public Map<String, Object> retry(@PathParam("id") String id) {
        CheckoutProcess process = inScope(id);
        if (!processes.retryNow(process.tenantId(), process.orderId(), clock.instant())) {
            throw new jakarta.ws.rs.ClientErrorException("The checkout of " + id + " is " + process.state()
                    + " and waits for no provider call", 409);
        }
        return Map.of("order_id", id, "outcome", "DUE_NOW");
    }

    @POST
    @Path("/{id}/abort")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "abortCheckout", summary = "Abort a running checkout",
            description = "Cancels the order (cancellation_code aborted, the reason and the operator recorded); the "
                    + "process releases its stock and refunds a payment it may have taken.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "abort",
            value = "{\"abort\":{\"reason\":\"customer called to cancel\"}}")))
    @APIResponse(responseCode = "200", description = "Aborted")
    @APIResponse(responseCode = "404", description = "No such checkout in the operator's scope",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    @APIResponse(responseCode = "422", description = "rule-violation: the order is confirmed (order.already_confirmed)",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public Map<String, Object> abort(@PathParam("id") String id, @NotNull @Valid AbortBody body) {
        CheckoutProcess process = inScope(id);
        Caller caller = callers.current();
        var result = commands.dispatch(new OrderCommands.AbortCheckout(process.orderId(), body.abort().reason()),
                new CommandContext(UUID.randomUUID(), process.tenantId(), null, caller.subject(), OptionalLong.empty(),
                        null, null));
        return Map.of("order_id", id, "outcome", "ABORTED", "version", result.streamVersion(), "by", caller.subject());
    }

    /** Another tenant's checkout is, for a tenant's operator, no checkout at all (404). */
    private CheckoutProcess inScope(String id) {
        Caller caller = callers.current();
        return Ids.parse(id)
                .flatMap(orderId -> caller.operatorScope().isPresent()
                        ? processes.find(caller.operatorScope().get(), orderId) : processes.findInAnyTenant(orderId))
                .orElseThrow(() -> new NotFoundException("No checkout of order " + id));
    }
}
