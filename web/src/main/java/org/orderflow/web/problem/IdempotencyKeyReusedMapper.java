package org.orderflow.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.orderflow.application.command.IdempotencyKeyReused;

/** 422: an Idempotency-Key sent again with a different request. */
@Provider
public class IdempotencyKeyReusedMapper implements ExceptionMapper<IdempotencyKeyReused> {

    @Override
    public Response toResponse(IdempotencyKeyReused reused) {
        return Problems.response(UnprocessableEntity.STATUS, "idempotency-key-reused", "Idempotency key reused",
                reused.getMessage(), body -> body.add("code", "idempotency_key_reused"));
    }
}
