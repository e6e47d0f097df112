package org.orderflow.web.problem;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The runtime's own HTTP errors (unknown path 404, 405, 406, 415 wrong content type, 400 from
 * unreadable JSON or a malformed header) as problems. A body the JSON binding could not read is
 * reported as malformed, with the parser's reason.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (MalformedJson.isProblem(exception.getResponse())) {
            return exception.getResponse(); // already a problem, built where the error is understood
        }
        Response.StatusType status = exception.getResponse().getStatusInfo();
        if (status.getStatusCode() == 400 && MalformedJson.isCausedByReading(exception)) {
            return MalformedJson.response(exception);
        }
        if (exception instanceof NotFoundException && exception.getCause() != null
                && String.valueOf(exception.getMessage()).contains("Unable to extract parameter")) {
            if (String.valueOf(exception.getMessage()).contains("PathParam")) {
                // a path id that is not even of the id's type names nothing
                return Problems.response(Response.Status.NOT_FOUND, "not-found", "Not Found",
                        "No such resource: the id in the path names nothing", null);
            }
            // Jakarta REST answers an unconvertible query parameter with 404; it is bad input.
            return Problems.response(Response.Status.BAD_REQUEST, "invalid-request", "Invalid request",
                    "A query parameter has the wrong type", null);
        }
        String message = exception.getMessage();
        boolean runtimeMessage = message == null || message.startsWith("RESTEASY") || message.equals("Unauthorized") || message.startsWith("HTTP ")
                || Problems.revealsInternals(message);
        if (status.getStatusCode() == 401 || status.getStatusCode() == 403) {
            return Problems.refused(status.getStatusCode() == 401, runtimeMessage ? null : message);
        }
        String slug = switch (status.getStatusCode()) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status.getStatusCode();
        };
        String detail = !runtimeMessage ? message : switch (status.getStatusCode()) {
            case 404 -> Problems.NO_RESOURCE_HERE;
            case 405 -> "Allowed methods: " + exception.getResponse().getAllowedMethods();
            case 415 -> "This endpoint reads application/json";
            case 406 -> "This endpoint answers application/json";
            default -> status.getReasonPhrase();
        };
        Response response = Problems.response(status, slug, status.getReasonPhrase(), detail, null);
        if (status.getStatusCode() == 405) {
            return Response.fromResponse(response).allow(exception.getResponse().getAllowedMethods()).build();
        }
        return response;
    }
}
