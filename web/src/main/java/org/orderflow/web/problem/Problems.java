package org.orderflow.web.problem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.function.Consumer;

/** Builds RFC 9457 problem responses. {@code type} URIs are relative to the API: {@code /problems/<slug>}. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The detail of a 404 for a path that is no resource, whoever answers it (JAX-RS or the container). */
    private static final String NEEDS_TOKEN = "A valid bearer token is needed: Authorization: Bearer <token> (signed by the "
            + "configured issuer, for this audience, not expired)";
    private static final String ROLE_MISSING = "The token's roles (groups) do not allow this request";
    public static final String NO_RESOURCE_HERE = "No resource here; the API lives under /orderflow/api (see /openapi)";

    /** Text that names code: a qualified class name, an exception type, a stack frame or SQL. */
    private static final java.util.regex.Pattern INTERNALS = java.util.regex.Pattern.compile(
            "\\b(?:java|javax|jakarta|org|com|io|sun)\\.[a-z]+\\.|[A-Za-z]+(?:Exception|Error)\\b|\\$[A-Z]|\\bat [a-z]+\\.[a-z]"
                    + "|\\b(?:SELECT|INSERT|UPDATE|DELETE)\\s.+\\s(?:FROM|INTO|SET|WHERE)\\b|SQLSTATE");

    private Problems() {
    }

    /** Whether a message would show the client something of the code behind the API. */
    public static boolean revealsInternals(String message) {
        return message != null && INTERNALS.matcher(message).find();
    }

    /** The challenge a 401 carries: a bearer token of the configured issuer. */
    public static final String BEARER_CHALLENGE = "Bearer realm=\"orderflow\"";

    /**
     * A refused caller's problem: 401 (no valid token, with the bearer challenge) or 403 (the
     * token does not allow the request).
     *
     * @param detail what exactly was refused, or null for the general reason
     */
    public static Response refused(boolean unauthenticated, String detail) {
        if (unauthenticated) {
            return Response.fromResponse(response(Response.Status.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    detail == null ? NEEDS_TOKEN : detail, null)).header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE).build();
        }
        return response(Response.Status.FORBIDDEN, "forbidden", "Forbidden", detail == null ? ROLE_MISSING : detail, null);
    }

    /**
     * @param extensions adds problem-specific members (code, errors, versions), or null
     */
    public static Response response(Response.StatusType status, String slug, String title, String detail,
                                    Consumer<JsonObjectBuilder> extensions) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", "/problems/" + slug)
                .add("title", title)
                .add("status", status.getStatusCode());
        if (detail != null) {
            body.add("detail", revealsInternals(detail) ? title : detail);
        }
        if (extensions != null) {
            extensions.accept(body);
        }
        JsonObject json = body.build();
        return Response.status(status).type(MEDIA_TYPE).entity(json.toString()).build();
    }
}
