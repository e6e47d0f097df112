package org.orderflow.web.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.orderflow.web.problem.Problems;

/**
 * The runtime refuses a call without a valid token (401) or without the role (403) with an empty
 * body; this gives those answers the problem body every other error has.
 */
@Provider
public class ProblemForEmptyRefusal implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if ((status != 401 && status != 403) || response.hasEntity()) {
            return;
        }
        Response problem = Problems.refused(status == 401, null);
        response.setEntity(problem.getEntity(), null, MediaType.valueOf(Problems.MEDIA_TYPE));
        if (status == 401 && response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE) == null) {
            response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, Problems.BEARER_CHALLENGE);
        }
    }
}
