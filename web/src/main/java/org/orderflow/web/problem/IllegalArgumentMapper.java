package org.orderflow.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400: a value object refused an input value (e.g. a shipping address without a city). */
@Provider
public class IllegalArgumentMapper implements ExceptionMapper<IllegalArgumentException> {

    @Override
    public Response toResponse(IllegalArgumentException exception) {
        return Problems.response(Response.Status.BAD_REQUEST, "invalid-request", "Invalid request",
                exception.getMessage(), null);
    }
}
