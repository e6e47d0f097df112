package org.orderflow.it.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Deployed by {@link UndeclaredEndpointIT} only: an endpoint someone forgot to give roles. */
@Path("/undeclared")
public class UndeclaredResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String secrets() {
        return "{\"secret\":\"every tenant's data\"}";
    }
}
