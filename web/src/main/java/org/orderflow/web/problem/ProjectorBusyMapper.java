package org.orderflow.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.orderflow.application.projection.ProjectorBusy;

/** 409: an operator's step waited for the projector's running batch longer than it may; retrying works. */
@Provider
public class ProjectorBusyMapper implements ExceptionMapper<ProjectorBusy> {

    @Override
    public Response toResponse(ProjectorBusy busy) {
        return Response.fromResponse(Problems.response(Response.Status.CONFLICT, "projector-busy", "Projector busy",
                "Projector " + busy.projector() + " stayed busy; retry", null))
                .header("Retry-After", "1").build();
    }
}
