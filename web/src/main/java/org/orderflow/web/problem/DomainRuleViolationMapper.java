package org.orderflow.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.orderflow.domain.DomainRuleViolation;

/** 422: the aggregate refused the command; {@code code} is machine-readable (e.g. {@code order.not_pending}). */
@Provider
public class DomainRuleViolationMapper implements ExceptionMapper<DomainRuleViolation> {

    @Override
    public Response toResponse(DomainRuleViolation violation) {
        return Problems.response(UnprocessableEntity.STATUS, "rule-violation", "Business rule violated",
                violation.getMessage(), body -> body.add("code", violation.code()));
    }
}
