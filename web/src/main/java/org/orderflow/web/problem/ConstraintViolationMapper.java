package org.orderflow.web.problem;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * 400: Bean Validation refused the input. Each error names the field as the client wrote it
 * ({@code order.customer_name}, or {@code size} for a query parameter).
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        JsonArrayBuilder errors = Json.createArrayBuilder();
        List<String> fields = new ArrayList<>();
        exception.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> field(v)))
                .forEach(violation -> {
                    String field = field(violation);
                    fields.add(field);
                    errors.add(Json.createObjectBuilder().add("field", field).add("message", violation.getMessage()));
                });
        return Problems.response(Response.Status.BAD_REQUEST, "invalid-request", "Invalid request",
                "Invalid field(s): " + String.join(", ", fields), body -> body.add("errors", errors));
    }

    /** The property path without the method and parameter nodes, in the API's snake_case. */
    static String field(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            names.add(node.getName());
        }
        // method.parameter.field... for a body; method.parameter for a query or path parameter
        List<String> relevant = names.size() > 2 ? names.subList(2, names.size()) : names.subList(names.size() - 1, names.size());
        List<String> snake = relevant.stream().map(ConstraintViolationMapper::snakeCase).toList();
        return names.size() > 2 ? String.join(".", snake) : (snake.get(0).equals("body") ? "body" : snake.get(0));
    }

    static String snakeCase(String name) {
        return name == null ? "" : name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
