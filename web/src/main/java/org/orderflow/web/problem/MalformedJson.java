package org.orderflow.web.problem;

import jakarta.json.Json;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 400: the body is not JSON, or not the JSON this endpoint reads (wrong types, unreadable values). */
@Provider
public class MalformedJson implements ExceptionMapper<ProcessingException> {

    private static final Pattern PROPERTY = Pattern.compile("property[: ]+'?([A-Za-z0-9_]+)'?");

    @Override
    public Response toResponse(ProcessingException exception) {
        return response(exception);
    }

    static boolean isCausedByJson(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonParsingException || t instanceof ProcessingException) {
                return true;
            }
        }
        return false;
    }

    static Response response(Throwable exception) {
        String detail = "The request body is not valid JSON for this endpoint: " + rootMessage(exception);
        String field = fieldOf(exception);
        if (field != null) {
            detail = "Field '" + field + "' has an invalid value: " + rootMessage(exception);
        }
        String named = field;
        return Problems.response(Response.Status.BAD_REQUEST, "malformed-request", "Malformed request body", detail,
                named == null ? null : body -> body.add("errors", Json.createArrayBuilder().add(
                        Json.createObjectBuilder().add("field", named).add("message", "invalid value"))));
    }

    /**
     * The JSON binding names the property it failed on at each level of nesting, outermost first;
     * joined they are the field's path ({@code order_item.quantity}).
     */
    private static String fieldOf(Throwable exception) {
        java.util.List<String> path = new java.util.ArrayList<>();
        for (Throwable t = exception; t != null; t = t.getCause()) {
            Matcher matcher = PROPERTY.matcher(String.valueOf(t.getMessage()));
            if (matcher.find() && (path.isEmpty() || !path.get(path.size() - 1).equals(matcher.group(1)))) {
                path.add(matcher.group(1));
            }
        }
        return path.isEmpty() ? null : String.join(".", path);
    }

    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
