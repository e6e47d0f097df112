package org.orderflow.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.orderflow.web.problem.ProblemDetails;
import org.orderflow.web.problem.Problems;

/**
 * The REST API lives under {@code /orderflow/api}.
 *
 * <p>The OpenAPI document ({@code /openapi}) is generated from the annotations here and on the
 * resources: every operation has an {@code operationId} (clients' method names: keep them stable)
 * and declares every status it answers, each error with the {@value ProblemDetails#SCHEMA} schema
 * under {@code application/problem+json}. The server is relative ({@code /}): the paths already
 * hold the application path, and the document is valid whichever host serves it. The served
 * document is linted with Redocly's recommended rules ({@code redocly.yaml} at the repository root).
 */
@ApplicationPath("/orderflow/api")
@OpenAPIDefinition(
        info = @Info(title = "orderflow", version = "0.1.0",
                description = "Event-sourced, CQRS order service: commands append events to streams; queries rebuild "
                        + "state from them.",
                // No licence has been granted (no LICENSE file, no <licenses> in the POM): all rights reserved.
                license = @License(name = "Proprietary", url = "https://choosealicense.com/no-permission/")),
        servers = @Server(url = "/", description = "The server that serves this document"),
        security = @SecurityRequirement(name = OrderflowApplication.BEARER),
        tags = {
                @Tag(name = "orders", description = "Orders: one task-based command per endpoint, answering the new "
                        + "version (also as ETag) and the global position of its last event; the order now, at a "
                        + "version or at an instant; its events; the list from the read model."),
                @Tag(name = "products", description = "The product catalogue: create, reprice and delete; the product "
                        + "now, at a version or at an instant; its events; the list from the read model."),
                @Tag(name = "operations", description = "Operator endpoints: projection status, rebuilds and failed "
                        + "events; the outbox publisher; the consumers' dead letters; snapshots; the replay check.")},
        components = @Components(responses = {
                @APIResponse(name = ProblemDetails.BAD_REQUEST, responseCode = "400",
                        description = "The request is refused as it is: a malformed or invalid body, parameter or "
                                + "header, or control characters in the path, query or a header; errors names the "
                                + "field where there is one",
                        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA))),
                @APIResponse(name = ProblemDetails.COMMAND_CONFLICT, responseCode = "409",
                        description = "version-conflict: If-Match is not the current version, or concurrent commands "
                                + "outlasted the retries (reload and decide again); or idempotency-key-in-use: a "
                                + "request with the same Idempotency-Key is still running (Retry-After; retrying "
                                + "returns its result)",
                        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA))),
                @APIResponse(name = ProblemDetails.BODY_TOO_LARGE, responseCode = "413",
                        description = "The body (declared Content-Length or bytes sent) is larger than the limit; "
                                + "max_body_bytes names it",
                        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA))),
                @APIResponse(name = ProblemDetails.UNSUPPORTED_MEDIA_TYPE, responseCode = "415",
                        description = "The body is not application/json, or not in UTF-8",
                        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA))),
                @APIResponse(name = ProblemDetails.NOT_YET_PROJECTED, responseCode = "503",
                        description = "not-yet-projected: the read model did not reach X-Min-Position in time "
                                + "(Retry-After); retry shortly. Or projection-failed: an event up to X-Min-Position "
                                + "failed in the read model; the write is stored (Retry-After: its next retry)",
                        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA))),
                @APIResponse(name = OrderflowApplication.ORDER_CHANGED, responseCode = "200",
                        description = "Done; the order's new version (also the ETag) and the position of the change",
                        content = @Content(mediaType = "application/json", schema = @Schema(ref = "OrderCommandAccepted"),
                                examples = @ExampleObject(name = "changed",
                                        value = "{\"order_id\":\"0b6f4c1e-6a43-4d8e-9a55-2f0c7f1f3a10\",\"version\":2,\"position\":1042}"))),
                @APIResponse(name = OrderflowApplication.PRODUCT_CHANGED, responseCode = "200",
                        description = "Done; the product's new version (also the ETag) and the position of the change",
                        content = @Content(mediaType = "application/json", schema = @Schema(ref = "ProductCommandAccepted"),
                                examples = @ExampleObject(name = "changed",
                                        value = "{\"product_id\":\"9a1c2b3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d\",\"version\":1,\"position\":77}"))),
                @APIResponse(name = ProblemDetails.NOT_FOUND, responseCode = "404",
                        description = "not-found: nothing of that id in your tenant (an id that is not a UUID names nothing)",
                        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA))),
                @APIResponse(name = ProblemDetails.UNAUTHORIZED, responseCode = "401",
                        description = "unauthorized: no bearer token, or one that is expired, not signed by the "
                                + "configured issuer or not for this audience",
                        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA))),
                @APIResponse(name = ProblemDetails.FORBIDDEN, responseCode = "403",
                        description = "forbidden: the token's groups hold none of the operation's roles, or it names "
                                + "no tenant; header-disagrees-with-token: X-Tenant-ID or X-User-ID is not the token's",
                        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA))),
                @APIResponse(name = ProblemDetails.INTERNAL_ERROR, responseCode = "500",
                        description = "Unexpected failure; incident names it in the server log",
                        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = ProblemDetails.SCHEMA)))}))
@SecurityScheme(securitySchemeName = OrderflowApplication.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "A token of the configured issuer: sub = the user, tenant_id = the tenant, "
                + "groups = the roles (reader, order-writer, catalogue-manager, operator, platform-operator)")
public class OrderflowApplication extends Application {

    /** The OpenAPI security scheme every operation requires. */
    public static final String BEARER = "bearer";

    /** Component names of the shared 200 answers of order and product commands. */
    public static final String ORDER_CHANGED = "OrderChanged";
    public static final String PRODUCT_CHANGED = "ProductChanged";
}
