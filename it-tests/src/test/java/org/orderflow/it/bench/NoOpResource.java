package org.orderflow.it.bench;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Deployed with the benchmark only: a JAX-RS endpoint that reads the request body and answers
 * 201 with a small JSON body, doing nothing else — the ceiling the command path is compared with
 * (same server, same clients, same run).
 */
@ApplicationScoped
@Path("/bench")
public class NoOpResource {

    @POST
    @Path("/noop")
    @RolesAllowed("reader")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(InputStream body) throws IOException {
        return answer(body);
    }

    /** The same without a token (@PermitAll): what the token check costs is the difference. */
    @POST
    @Path("/open/noop")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(InputStream body) throws IOException {
        return answer(body);
    }

    private static Response answer(InputStream body) throws IOException {
        body.transferTo(OutputStream.nullOutputStream());
        return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON)
                .entity("{\"ok\":true}").build();
    }
}
