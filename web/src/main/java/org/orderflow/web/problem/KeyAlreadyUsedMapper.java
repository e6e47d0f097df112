package org.orderflow.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.orderflow.application.command.IdempotencyKeys;

/** 409: a request with the same Idempotency-Key is still in flight; retrying later returns its result. */
@Provider
public class KeyAlreadyUsedMapper implements ExceptionMapper<IdempotencyKeys.KeyAlreadyUsed> {

    @Override
    public Response toResponse(IdempotencyKeys.KeyAlreadyUsed raced) {
        return Response.fromResponse(Problems.response(Response.Status.CONFLICT, "idempotency-key-in-use",
                "Idempotency key in use", raced.getMessage() + "; retry to get its result", null))
                .header("Retry-After", "1").build();
    }
}
