package org.orderflow.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.orderflow.application.command.AggregateNotFound;

/** 404: no such order or product (in the caller's tenant). */
@Provider
public class AggregateNotFoundMapper implements ExceptionMapper<AggregateNotFound> {

    @Override
    public Response toResponse(AggregateNotFound notFound) {
        return Problems.response(Response.Status.NOT_FOUND, "not-found", notFound.type() + " not found",
                notFound.getMessage(), null);
    }
}
