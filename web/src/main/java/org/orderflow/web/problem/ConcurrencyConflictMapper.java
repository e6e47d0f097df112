package org.orderflow.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.orderflow.application.eventstore.ConcurrencyConflict;
import org.orderflow.application.eventstore.ExpectedVersion;

/** 409: the stream is not at the version the client (If-Match) or the last retry decided on. */
@Provider
public class ConcurrencyConflictMapper implements ExceptionMapper<ConcurrencyConflict> {

    @Override
    public Response toResponse(ConcurrencyConflict conflict) {
        return Problems.response(Response.Status.CONFLICT, "version-conflict", "Version conflict",
                conflict.getMessage() + "; reload and decide again", body -> {
                    if (conflict.expected() instanceof ExpectedVersion.Exact exact) {
                        body.add("expected_version", exact.version());
                    } else {
                        body.add("expected_version", conflict.expected().toString());
                    }
                    conflict.actualVersion().ifPresent(actual -> body.add("actual_version", actual));
                });
    }
}
