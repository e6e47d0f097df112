package org.orderflow.web.problem;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/**
 * How the OpenAPI document describes every error answer: the RFC 9457 problem, component
 * {@value #SCHEMA}, that every 4xx and 5xx response of every operation refers to under
 * {@code application/problem+json}, and the names of the shared error responses.
 *
 * <p>Documentation only: the bodies are built by {@link Problems} (and by {@link ErrorPage} for
 * the container's own errors) with the extension members their exception mapper adds. A member
 * added there belongs here too. {@code expected_version} is a number or a word: it is declared on
 * the class ({@code oneOf}) rather than as a record component, whose Java type would make it an
 * object.
 */
@Schema(name = ProblemDetails.SCHEMA,
        description = "An RFC 9457 problem: type, title and status always; detail nearly always; the other members "
                + "where the problem type has them.",
        requiredProperties = {"type", "title", "status"},
        properties = @SchemaProperty(name = "expected_version", oneOf = {Long.class, String.class},
                description = "version-conflict: the version the command expected, a number (If-Match or the loaded "
                        + "version), or \"no stream\" when it created the stream"))
public record ProblemDetails(
        @Schema(format = "uri-reference", description = "The problem type, relative to the API: /problems/<slug> "
                + "(bad-request, not-found, invalid-request, invalid-header, malformed-request, body-too-large, "
                + "unsupported-media-type, version-conflict, idempotency-key-in-use, idempotency-key-reused, "
                + "rule-violation, projector-busy, not-yet-projected, internal-error, ...)")
        @JsonbProperty("type") String type,
        @Schema(description = "A short summary of the problem type")
        @JsonbProperty("title") String title,
        @Schema(description = "The HTTP status code")
        @JsonbProperty("status") int status,
        @Schema(description = "What went wrong with this request, in the client's terms (never the code behind it)")
        @JsonbProperty("detail") String detail,
        @Schema(format = "uuid", description = "internal-error: the id the server logged the failure under")
        @JsonbProperty("incident") String incident,
        @Schema(description = "invalid-request, invalid-header, malformed-request, body-too-large, "
                + "unsupported-media-type: what was refused, field by field")
        @JsonbProperty("errors") List<FieldError> errors,
        @Schema(description = "rule-violation: the broken rule (e.g. order.not_pending); idempotency-key-reused: "
                + "idempotency_key_reused")
        @JsonbProperty("code") String code,
        @Schema(description = "version-conflict: the stream's version, when the store saw it")
        @JsonbProperty("actual_version") Long actualVersion,
        @Schema(description = "body-too-large: the body size limit in bytes")
        @JsonbProperty("max_body_bytes") Integer maxBodyBytes) {

    /** The problem schema's component name. */
    public static final String SCHEMA = "Problem";

    /** The shared 400 response (component): a request the API could not accept as it is. */
    public static final String BAD_REQUEST = "BadRequest";

    /** The shared 409 response (component) of every order and product command. */
    public static final String COMMAND_CONFLICT = "CommandConflict";

    /** The shared 413 response (component) of every operation that reads a body. */
    public static final String BODY_TOO_LARGE = "BodyTooLarge";

    /** The shared 415 response (component) of every operation that reads a body. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";

    /** The shared 503 response (component) of every query that honours X-Min-Position. */
    public static final String NOT_YET_PROJECTED = "NotYetProjected";

    /** The shared 500 response (component) of every operation. */
    public static final String INTERNAL_ERROR = "InternalError";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";

    /** Component name of the shared 404 answer. */
    public static final String NOT_FOUND = "NotFound";

    /** Ends the 422 description of every command: an idempotency key is bound to its first request. */
    public static final String KEY_REUSED = "; or the Idempotency-Key was used before for another request "
            + "(idempotency-key-reused)";

    /** One refused field, header or parameter ({@code body} for the body as a whole). */
    @Schema(name = "ProblemFieldError", requiredProperties = {"field", "message"})
    public record FieldError(
            @Schema(description = "As the client wrote it: order_item.quantity, a parameter or header name, path, "
                    + "query, or body")
            @JsonbProperty("field") String field,
            @Schema(description = "What is wrong with it")
            @JsonbProperty("message") String message) {
    }
}
