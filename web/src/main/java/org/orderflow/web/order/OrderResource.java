package org.orderflow.web.order;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.orderflow.application.command.AggregateNotFound;
import org.orderflow.application.command.Command;
import org.orderflow.application.command.CommandBus;
import org.orderflow.application.command.CommandResult;
import org.orderflow.application.order.OrderCommands;
import org.orderflow.application.order.OrderQueries;
import org.orderflow.application.order.OrderReadModel;
import org.orderflow.application.order.Orders;
import org.orderflow.web.security.Callers;
import org.orderflow.web.security.Roles;
import org.orderflow.web.order.OrderRequests.AddItemBody;
import org.orderflow.web.order.OrderRequests.CancelBody;
import org.orderflow.web.order.OrderRequests.CreateOrderBody;
import org.orderflow.web.order.OrderRequests.ProcessPaymentBody;
import org.orderflow.web.order.OrderRequests.RemoveItemBody;
import org.orderflow.web.order.OrderRequests.ReserveInventoryBody;
import org.orderflow.web.order.OrderResponses.CommandAccepted;
import org.orderflow.web.order.OrderResponses.OrderPage;
import org.orderflow.web.history.HistoryPage;
import org.orderflow.web.projection.ReadYourWrites;
import org.orderflow.web.history.StreamReads;
import org.orderflow.web.OrderflowApplication;
import org.orderflow.web.problem.ProblemDetails;
import org.orderflow.web.problem.Problems;
import org.orderflow.web.request.ApiHeaders;
import org.orderflow.web.request.CommandResponses;
import org.orderflow.web.request.Ids;

/**
 * Orders: one task-based endpoint per command, answering the new version (also as ETag) and
 * the global position of the last event. Send {@code If-Match} to decide on a known version,
 * {@code Idempotency-Key} to make a retried POST safe.
 */
@ApplicationScoped
@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "orders")
public class OrderResource {

    private static final String COMMAND_RESPONSE = "{\"order_id\":\"0b6f4c1e-6a43-4d8e-9a55-2f0c7f1f3a10\",\"version\":2,\"position\":1042}";
    private static final String NOT_FOUND = "No such order in this tenant";

    @Inject
    CommandBus commands;

    @Inject
    OrderQueries queries;

    @Inject
    OrderReadModel readModel;

    @Inject
    ReadYourWrites readYourWrites;

    // one instance for all requests (not one constructed, injected and validated per request):
    // the @Context fields are the container's proxies for the current request
    @Context
    HttpHeaders headers;

    @Inject
    Callers callers;

    @Context
    UriInfo uri;

    @Context
    Request request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORDER_WRITER)
    @Operation(operationId = "createOrder", summary = "Create an order",
            description = "Opens a pending, empty order for a customer.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "minimal",
            value = "{\"order\":{\"customer_name\":\"山田太郎\"}}")))
    @APIResponse(responseCode = "201", description = "Created; Location names the order",
            content = @Content(schema = @Schema(implementation = CommandAccepted.class),
                    examples = @ExampleObject(name = "created", value = COMMAND_RESPONSE)))
    @APIResponse(responseCode = "422", description = "rule-violation: the order cannot be opened as given (code "
            + "order.*)" + ProblemDetails.KEY_REUSED,
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public Response create(@NotNull @Valid CreateOrderBody body) {
        var order = body.order();
        CommandResult result = dispatch(new OrderCommands.CreateOrder(UUID.randomUUID(), order.customerName(),
                order.customerId(), order.shippingAddress() == null ? null : order.shippingAddress().toDomain()), body);
        return CommandResponses.created(result, uri.getAbsolutePathBuilder().path(result.streamId()).build(),
                CommandAccepted.of(result));
    }

    @POST
    @Path("/{id}/add_item")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORDER_WRITER)
    @Operation(operationId = "addOrderItem", summary = "Add an item",
            description = "Adds a line to a pending order; the answer names the line (line_id).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "laptop",
            value = "{\"order_item\":{\"product_name\":\"ノートPC\",\"quantity\":1,\"unit_price_cents\":120000}}")))
    @APIResponse(responseCode = "200", description = "Added", content = @Content(
            schema = @Schema(implementation = CommandAccepted.class), examples = @ExampleObject(name = "added",
            value = "{\"order_id\":\"0b6f4c1e-6a43-4d8e-9a55-2f0c7f1f3a10\",\"version\":2,\"position\":1042,"
                    + "\"line_id\":\"5d2b0c3e-1f7a-4c55-8d0e-2a9b3c4d5e6f\"}")))
    @APIResponse(responseCode = "422", description = "rule-violation: the order is not pending, or the line does not "
            + "fit it (order.not_pending, order.total_overflow, order.checkout_running; without product_id: "
            + "order.product_name_required, order.invalid_unit_price; with it: product.deleted, order.price_mismatch)"
            + ProblemDetails.KEY_REUSED,
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public Response addItem(@PathParam("id") String id, @NotNull @Valid AddItemBody body) {
        var item = body.orderItem();
        return accepted(new OrderCommands.AddItem(orderId(id), UUID.randomUUID(), item.productName(),
                item.productId() == null ? null : UUID.fromString(item.productId()), item.quantity(),
                item.unitPriceCents()), body);
    }

    @POST
    @Path("/{id}/checkout")
    @RolesAllowed(Roles.ORDER_WRITER)
    @Operation(operationId = "checkoutOrder", summary = "Check out",
            description = "Hands a pending order with items to the fulfilment process: it reserves the catalogue "
                    + "lines' stock, takes the payment of the order total and confirms the order, or cancels it "
                    + "(cancellation_code: out_of_stock with cancellation_product_id, payment_declined, "
                    + "payment_failed, payment_timeout, aborted) and undoes what it did. Answers 202 at once; follow "
                    + "the order's status (CHECKING_OUT, INVENTORY_RESERVED, CONFIRMED or CANCELLED). No body.")
    @APIResponse(responseCode = "202", description = "Checkout started; Location names the order", content = @Content(
            schema = @Schema(implementation = CommandAccepted.class), examples = @ExampleObject(name = "started",
            value = COMMAND_RESPONSE)))
    @APIResponse(responseCode = "422", description = "rule-violation: not pending, no items, or a checkout runs "
            + "already (order.not_pending, order.no_items, order.checkout_running)" + ProblemDetails.KEY_REUSED,
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public Response checkout(@PathParam("id") String id) {
        CommandResult result = dispatch(new OrderCommands.StartCheckout(orderId(id)), "checkout");
        return CommandResponses.accepted(result, uri.getBaseUriBuilder().path("orders").path(result.streamId()).build(),
                CommandAccepted.of(result));
    }

    @POST
    @Path("/{id}/remove_item")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORDER_WRITER)
    @Operation(operationId = "removeOrderItem", summary = "Remove an item", description = "Removes a line from a pending order.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "line",
            value = "{\"order_item\":{\"line_id\":\"5d2b0c3e-1f7a-4c55-8d0e-2a9b3c4d5e6f\"}}")))
    @APIResponse(responseCode = "200", ref = OrderflowApplication.ORDER_CHANGED)
    @APIResponse(responseCode = "422", description = "rule-violation: the order is not pending, or has no such line "
            + "(order.not_pending, order.line_not_found)" + ProblemDetails.KEY_REUSED,
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public Response removeItem(@PathParam("id") String id, @NotNull @Valid RemoveItemBody body) {
        return accepted(new OrderCommands.RemoveItem(orderId(id), UUID.fromString(body.orderItem().lineId())), body);
    }

    @POST
    @Path("/{id}/reserve_inventory")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORDER_WRITER)
    @Operation(operationId = "reserveOrderInventory", summary = "Reserve inventory",
            description = "Records the stock reservation of a pending order with items.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "reservation",
            value = "{\"reservation\":{\"reservation_id\":\"R-2026-0001\"}}")))
    @APIResponse(responseCode = "200", ref = OrderflowApplication.ORDER_CHANGED)
    @APIResponse(responseCode = "422", description = "rule-violation: the order is not pending or has no items "
            + "(order.not_pending, order.no_items)" + ProblemDetails.KEY_REUSED,
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public Response reserveInventory(@PathParam("id") String id, @NotNull @Valid ReserveInventoryBody body) {
        return accepted(new OrderCommands.ReserveInventory(orderId(id), body.reservation().reservationId()), body);
    }

    @POST
    @Path("/{id}/process_payment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORDER_WRITER)
    @Operation(operationId = "processOrderPayment", summary = "Process payment",
            description = "Records the payment; the amount must equal the order total.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "payment",
            value = "{\"payment\":{\"payment_id\":\"P-2026-0001\",\"amount_cents\":120000}}")))
    @APIResponse(responseCode = "200", ref = OrderflowApplication.ORDER_CHANGED)
    @APIResponse(responseCode = "422", description = "rule-violation: inventory not reserved, or the amount differs "
            + "from the total (order.inventory_not_reserved, order.payment_amount_mismatch)" + ProblemDetails.KEY_REUSED,
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public Response processPayment(@PathParam("id") String id, @NotNull @Valid ProcessPaymentBody body) {
        return accepted(new OrderCommands.ProcessPayment(orderId(id), body.payment().paymentId(),
                body.payment().amountCents()), body);
    }

    @POST
    @Path("/{id}/confirm")
    @RolesAllowed(Roles.ORDER_WRITER)
    @Operation(operationId = "confirmOrder", summary = "Confirm the order",
            description = "From PENDING with items, or after payment. No body.")
    @APIResponse(responseCode = "200", ref = OrderflowApplication.ORDER_CHANGED)
    @APIResponse(responseCode = "422", description = "rule-violation: no items, payment outstanding, already confirmed "
            + "or cancelled (order.no_items, order.payment_outstanding, order.already_confirmed, "
            + "order.already_cancelled)" + ProblemDetails.KEY_REUSED,
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public Response confirm(@PathParam("id") String id) {
        return accepted(new OrderCommands.ConfirmOrder(orderId(id)), "confirm");
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORDER_WRITER)
    @Operation(operationId = "cancelOrder", summary = "Cancel the order",
            description = "Allowed unless confirmed or already cancelled.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "cancellation",
            value = "{\"cancellation\":{\"reason\":\"customer changed their mind\"}}")))
    @APIResponse(responseCode = "200", ref = OrderflowApplication.ORDER_CHANGED)
    @APIResponse(responseCode = "422", description = "rule-violation: already confirmed or cancelled "
            + "(order.already_confirmed, order.already_cancelled)" + ProblemDetails.KEY_REUSED,
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public Response cancel(@PathParam("id") String id, @NotNull @Valid CancelBody body) {
        return accepted(new OrderCommands.CancelOrder(orderId(id), body.cancellation().reason()), body);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.READER, Roles.OPERATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "getOrder", summary = "Get an order", description = "The order's current state (ETag = "
            + "version), or its state at_version=N or as_of=<ISO-8601 instant>, rebuilt from its events. Send "
            + "X-Min-Position (without at_version or as_of) to read your writes.")
    @APIResponse(responseCode = "200", description = "The order", content = @Content(
            schema = @Schema(implementation = OrderResponses.Order.class), examples = @ExampleObject(name = "order", value =
            "{\"order_id\":\"0b6f4c1e-6a43-4d8e-9a55-2f0c7f1f3a10\",\"customer_name\":\"山田太郎\",\"status\":\"CONFIRMED\","
            + "\"items\":[{\"line_id\":\"5d2b0c3e-1f7a-4c55-8d0e-2a9b3c4d5e6f\",\"product_name\":\"ノートPC\",\"quantity\":1,"
            + "\"unit_price_cents\":120000,\"line_total_cents\":120000}],\"item_count\":1,\"total_cents\":120000,\"version\":3}")))
    @APIResponse(responseCode = "400", description = StreamReads.POINT_IN_TIME_REFUSED,
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    @APIResponse(responseCode = "404", description = NOT_FOUND + " (or not at that version or instant)",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    @APIResponse(responseCode = "503", ref = ProblemDetails.NOT_YET_PROJECTED)
    public Response get(@PathParam("id") String id, @QueryParam("at_version") Long atVersion,
                        @QueryParam("as_of") String asOf) {
        String tenant = callers.current().tenant();
        UUID orderId = orderId(id);
        if (atVersion == null && asOf == null) {
            readYourWrites.await(headers, List.of(OrderReadModel.DETAILS_PROJECTOR), orderId.toString());
        }
        return StreamReads.get(queries, () -> readModel.details(tenant, orderId), tenant, Orders.STREAM_TYPE, id, orderId,
                atVersion, asOf, OrderResponses.Order::of);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.READER, Roles.OPERATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "listOrderEvents", summary = "An order's events",
            description = "Its stored events with envelopes, in version order, paged by after_version.")
    @APIResponse(responseCode = "200", description = "A page of events")
    public HistoryPage history(@PathParam("id") String id,
                               @QueryParam("after_version") @DefaultValue("0") @Min(0) long afterVersion,
                               @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return StreamReads.history(queries, callers.current().tenant(), Orders.STREAM_TYPE, id, orderId(id), afterVersion,
                limit);
    }

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listOrders", summary = "List orders", description = "Order summaries of the tenant from "
            + "the read model, newest first, paged; filter by status and customer_id. Send X-Min-Position to read your "
            + "writes.")
    @APIResponse(responseCode = "200", description = "A page of summaries")
    @APIResponse(responseCode = "503", ref = ProblemDetails.NOT_YET_PROJECTED)
    public OrderPage list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
                          @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
                          @QueryParam("status") @Pattern(regexp = "PENDING|INVENTORY_RESERVED|PAYMENT_PROCESSED|CONFIRMED|CANCELLED")
                          String status,
                          @QueryParam("customer_id") @Size(max = 100) String customerId) {
        readYourWrites.await(headers, List.of(OrderReadModel.SUMMARIES_PROJECTOR));
        var orders = readModel.summaries(callers.current().tenant(), status, customerId, page * size, size).stream()
                .map(OrderResponses.Summary::of).toList();
        return new OrderPage(orders, page, size);
    }

    private Response accepted(Command command, Object body) {
        CommandResult result = dispatch(command, body);
        return CommandResponses.ok(result, CommandAccepted.of(result));
    }

    private CommandResult dispatch(Command command, Object body) {
        return CommandResponses.dispatch(commands, callers.current(), headers, request, uri, command, body);
    }

    private static UUID orderId(String id) {
        return Ids.parse(id).orElseThrow(() -> new AggregateNotFound(Orders.STREAM_TYPE, id));
    }
}
