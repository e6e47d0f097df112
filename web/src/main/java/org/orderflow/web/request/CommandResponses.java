package org.orderflow.web.request;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.orderflow.application.command.Command;
import org.orderflow.application.command.CommandBus;
import org.orderflow.application.command.CommandResult;
import org.orderflow.web.security.Caller;

/** The HTTP shape shared by every command answer: ETag = new version, replay marker, 201 + Location on creation. */
public final class CommandResponses {

    private CommandResponses() {
    }

    /**
     * Dispatches a command for the caller (tenant and user from the token) with the rest of its
     * context read from the request's headers; the request's
     * identity for its idempotency key is its method, path and parsed body.
     */
    public static CommandResult dispatch(CommandBus bus, Caller caller, HttpHeaders headers, Request request, UriInfo uri,
                                         Command command, Object body) {
        return bus.dispatch(command, ApiHeaders.commandContext(headers, caller,
                request.getMethod() + " " + uri.getPath() + " " + body));
    }

    public static Response ok(CommandResult result, Object body) {
        return decorate(Response.ok(body), result).build();
    }

    public static Response created(CommandResult result, URI location, Object body) {
        return decorate(Response.created(location).entity(body), result).build();
    }

    /** 202: the command started work that goes on after the answer; Location names what to follow. */
    public static Response accepted(CommandResult result, URI location, Object body) {
        return decorate(Response.accepted(body).location(location), result).build();
    }

    private static Response.ResponseBuilder decorate(Response.ResponseBuilder builder, CommandResult result) {
        builder.tag(new EntityTag(Long.toString(result.streamVersion())));
        if (result.replayed()) {
            builder.header(ApiHeaders.IDEMPOTENT_REPLAYED, "true");
        }
        return builder;
    }
}
