package org.orderflow.web.product;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.orderflow.application.product.ProductCommands;
import org.orderflow.application.product.ProductCatalog;
import org.orderflow.application.product.ProductQueries;
import org.orderflow.application.product.Products;
import org.orderflow.web.security.Callers;
import org.orderflow.web.security.Roles;
import org.orderflow.web.product.ProductApi.CommandAccepted;
import org.orderflow.web.product.ProductApi.CreateProductBody;
import org.orderflow.web.product.ProductApi.ProductPage;
import org.orderflow.web.product.ProductApi.UpdatePriceBody;
import org.orderflow.web.history.HistoryPage;
import org.orderflow.web.projection.ReadYourWrites;
import org.orderflow.web.history.StreamReads;
import org.orderflow.web.OrderflowApplication;
import org.orderflow.web.problem.ProblemDetails;
import org.orderflow.web.problem.Problems;
import org.orderflow.web.request.ApiHeaders;
import org.orderflow.web.request.CommandResponses;
import org.orderflow.web.request.Ids;

/** The product catalogue. Same conventions as orders: version in the body and ETag, If-Match, Idempotency-Key. */
@ApplicationScoped
@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "products")
public class ProductResource {

    private static final String COMMAND_RESPONSE = "{\"product_id\":\"9a1c2b3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d\",\"version\":1,\"position\":77}";
    private static final String NOT_FOUND = "No such product in this tenant";

    @Inject
    CommandBus commands;

    @Inject
    ProductQueries queries;

    @Inject
    ProductCatalog catalog;

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
    @RolesAllowed(Roles.CATALOGUE_MANAGER)
    @Operation(operationId = "createProduct", summary = "Create a product")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "laptop",
            value = "{\"product\":{\"name\":\"ノートPC\",\"price_cents\":120000,\"category_id\":\"computers\",\"sku\":\"NB-120\"}}")))
    @APIResponse(responseCode = "201", description = "Created; Location names the product", content = @Content(
            schema = @Schema(implementation = CommandAccepted.class),
            examples = @ExampleObject(name = "created", value = COMMAND_RESPONSE)))
    @APIResponse(responseCode = "422", description = "rule-violation: no name or category, or the price is not "
            + "positive (product.name_required, product.category_required, product.invalid_price)"
            + ProblemDetails.KEY_REUSED,
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public Response create(@NotNull @Valid CreateProductBody body) {
        var product = body.product();
        CommandResult result = dispatch(new ProductCommands.CreateProduct(UUID.randomUUID(), product.name(),
                product.priceCents(), product.categoryId(), product.sku()), body);
        return CommandResponses.created(result, uri.getAbsolutePathBuilder().path(result.streamId()).build(),
                CommandAccepted.of(result));
    }

    @POST
    @Path("/{id}/update_price")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CATALOGUE_MANAGER)
    @Operation(operationId = "updateProductPrice", summary = "Change the price",
            description = "The event records old and new price; the same price records nothing.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "price", value = "{\"product\":{\"price_cents\":99000}}")))
    @APIResponse(responseCode = "200", ref = OrderflowApplication.PRODUCT_CHANGED)
    @APIResponse(responseCode = "422", description = "rule-violation: the product is deleted, or the price is not "
            + "positive (product.deleted, product.invalid_price)" + ProblemDetails.KEY_REUSED,
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public Response updatePrice(@PathParam("id") String id, @NotNull @Valid UpdatePriceBody body) {
        return accepted(new ProductCommands.UpdatePrice(productId(id), body.product().priceCents()), body);
    }

    @POST
    @Path("/{id}/receive_stock")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CATALOGUE_MANAGER)
    @Operation(operationId = "receiveProductStock", summary = "Receive stock",
            description = "Puts delivered units on hand; the product's stock (on_hand, reserved, committed, available) "
                    + "shows them.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "delivery", value = "{\"stock\":{\"quantity\":25}}")))
    @APIResponse(responseCode = "200", ref = OrderflowApplication.PRODUCT_CHANGED)
    @APIResponse(responseCode = "422", description = "rule-violation: the product is deleted, or the quantity is out "
            + "of range (product.deleted, stock.invalid_quantity)" + ProblemDetails.KEY_REUSED,
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public Response receiveStock(@PathParam("id") String id, @NotNull @Valid ProductApi.ReceiveStockBody body) {
        return accepted(new ProductCommands.ReceiveStock(productId(id), body.stock().quantity()), body);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.CATALOGUE_MANAGER)
    @Operation(operationId = "deleteProduct", summary = "Delete a product",
            description = "A deleted product accepts no further change.")
    @APIResponse(responseCode = "200", ref = OrderflowApplication.PRODUCT_CHANGED)
    @APIResponse(responseCode = "422", description = "rule-violation: the product is already deleted (product.deleted)"
            + ProblemDetails.KEY_REUSED,
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    public Response delete(@PathParam("id") String id) {
        return accepted(new ProductCommands.DeleteProduct(productId(id)), "delete");
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.READER, Roles.OPERATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "getProduct", summary = "Get a product", description = "Current state (ETag = version), or "
            + "at_version=N / as_of=<instant>. Send X-Min-Position (without at_version or as_of) to read your writes.")
    @APIResponse(responseCode = "200", description = "The product", content = @Content(
            schema = @Schema(implementation = ProductApi.Product.class), examples = @ExampleObject(name = "product", value =
            "{\"product_id\":\"9a1c2b3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d\",\"name\":\"ノートPC\",\"price_cents\":120000,"
            + "\"category_id\":\"computers\",\"deleted\":false,\"version\":1}")))
    @APIResponse(responseCode = "400", description = StreamReads.POINT_IN_TIME_REFUSED,
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    @APIResponse(responseCode = "404", description = NOT_FOUND + " (or not at that version or instant)",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))
    @APIResponse(responseCode = "503", ref = ProblemDetails.NOT_YET_PROJECTED)
    public Response get(@PathParam("id") String id, @QueryParam("at_version") Long atVersion,
                        @QueryParam("as_of") String asOf) {
        String tenant = callers.current().tenant();
        UUID productId = productId(id);
        if (atVersion == null && asOf == null) {
            readYourWrites.await(headers, List.of(ProductCatalog.PROJECTOR), productId.toString());
        }
        return StreamReads.get(queries, () -> catalog.find(tenant, productId), tenant, Products.STREAM_TYPE, id,
                productId, atVersion, asOf, ProductApi.Product::of);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.READER, Roles.OPERATOR, Roles.PLATFORM_OPERATOR})
    @Operation(operationId = "listProductEvents", summary = "A product's events",
            description = "Stored events with envelopes, paged by after_version.")
    @APIResponse(responseCode = "200", description = "A page of events")
    public HistoryPage history(@PathParam("id") String id,
                               @QueryParam("after_version") @DefaultValue("0") @Min(0) long afterVersion,
                               @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return StreamReads.history(queries, callers.current().tenant(), Products.STREAM_TYPE, id, productId(id), afterVersion,
                limit);
    }

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listProducts", summary = "List products", description = "Newest first, paged; deleted "
            + "products only with include_deleted=true. Send X-Min-Position to read your writes.")
    @APIResponse(responseCode = "200", description = "A page of products")
    @APIResponse(responseCode = "503", ref = ProblemDetails.NOT_YET_PROJECTED)
    public ProductPage list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
                            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
                            @QueryParam("include_deleted") @DefaultValue("false") boolean includeDeleted) {
        readYourWrites.await(headers, List.of(ProductCatalog.PROJECTOR));
        var products = catalog.list(callers.current().tenant(), includeDeleted, page * size, size).stream()
                .map(ProductApi.Product::of).toList();
        return new ProductPage(products, page, size);
    }

    private Response accepted(Command command, Object body) {
        CommandResult result = dispatch(command, body);
        return CommandResponses.ok(result, CommandAccepted.of(result));
    }

    private CommandResult dispatch(Command command, Object body) {
        return CommandResponses.dispatch(commands, callers.current(), headers, request, uri, command, body);
    }

    private static UUID productId(String id) {
        return Ids.parse(id).orElseThrow(() -> new AggregateNotFound(Products.STREAM_TYPE, id));
    }
}
