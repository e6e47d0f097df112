package org.orderflow.web.problem;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 400: the runtime could not read the request (a body reader failed outside the strict JSON
 * reader's own refusals). The reader's problem is passed on when there is one; otherwise a
 * generic answer, never the exception's text.
 */
@Provider
public class MalformedJson implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException exception) {
        return response(exception);
    }

    static Response response(Throwable exception) {
        for (Throwable t = exception.getCause(); t != null; t = t.getCause()) {
            if (t instanceof WebApplicationException refusal && isProblem(refusal.getResponse())) {
                return refusal.getResponse();
            }
        }
        return Problems.response(Response.Status.BAD_REQUEST, "malformed-request", "Malformed request body",
                "The request body could not be read as JSON for this endpoint", null);
    }

    static boolean isProblem(Response response) {
        return response.getMediaType() != null && Problems.MEDIA_TYPE.equals(response.getMediaType().toString());
    }

    static boolean isCausedByReading(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof ProcessingException) {
                return true;
            }
        }
        return false;
    }
}
