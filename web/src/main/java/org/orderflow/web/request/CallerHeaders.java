package org.orderflow.web.request;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import org.orderflow.web.problem.Problems;
import org.orderflow.web.security.Caller;
import org.orderflow.web.security.Callers;

/**
 * X-Tenant-ID and X-User-ID choose nothing: the token says who calls and for which tenant. A
 * client may still send them (older clients do), but one that disagrees with the token is refused
 * with 403 before any resource runs.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class CallerHeaders implements ContainerRequestFilter {

    @Inject
    Callers callers;

    @Override
    public void filter(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (principal == null) {
            return; // the endpoint's roles answer 401
        }
        Caller caller = callers.of(principal);
        String tenant = request.getHeaderString(ApiHeaders.TENANT_ID);
        if (tenant != null && !caller.tenantClaim().map(tenant::equals).orElse(false)) {
            request.abortWith(disagrees(ApiHeaders.TENANT_ID, "the token's tenant"));
            return;
        }
        String user = request.getHeaderString(ApiHeaders.USER_ID);
        if (user != null && !user.equals(caller.subject())) {
            request.abortWith(disagrees(ApiHeaders.USER_ID, "the token's subject"));
        }
    }

    private static Response disagrees(String header, String what) {
        return Problems.response(Response.Status.FORBIDDEN, "header-disagrees-with-token", "Header disagrees with the token",
                "Header " + header + " is not " + what + "; the token alone says who calls and for which tenant", null);
    }
}
