package org.orderflow.web.problem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.function.Consumer;

/** Builds RFC 9457 problem responses. {@code type} URIs are relative to the API: {@code /problems/<slug>}. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /**
     * @param extensions adds problem-specific members (code, errors, versions), or null
     */
    public static Response response(Response.StatusType status, String slug, String title, String detail,
                                    Consumer<JsonObjectBuilder> extensions) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", "/problems/" + slug)
                .add("title", title)
                .add("status", status.getStatusCode());
        if (detail != null) {
            body.add("detail", detail);
        }
        if (extensions != null) {
            extensions.accept(body);
        }
        JsonObject json = body.build();
        return Response.status(status).type(MEDIA_TYPE).entity(json.toString()).build();
    }
}
