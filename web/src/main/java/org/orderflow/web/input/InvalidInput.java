package org.orderflow.web.input;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.orderflow.web.problem.Problems;

/**
 * Refused input as a problem response, built where the refusal is understood (the exception
 * mappers pass it through unchanged).
 */
public final class InvalidInput extends WebApplicationException {

    private InvalidInput(Response response, String message) {
        super(message, response);
    }

    public static InvalidInput of(InputRefused refused) {
        Response.StatusType status = Response.Status.fromStatusCode(refused.status());
        return new InvalidInput(Problems.response(status, refused.slug(), refused.title(), refused.detail(), body -> {
            body.add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("field", refused.field() == null ? "body" : refused.field()).add("message", refused.reason())));
            if (refused.limit() > 0) {
                body.add("max_body_bytes", refused.limit());
            }
        }), refused.detail());
    }
}
