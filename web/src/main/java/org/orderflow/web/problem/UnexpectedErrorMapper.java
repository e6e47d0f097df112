package org.orderflow.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** 500 for anything unexpected: logged with an incident id that the response repeats, no internals leaked. */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, exception);
        return Problems.response(Response.Status.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request failed unexpectedly; incident " + incident, body -> body.add("incident", incident));
    }
}
