package org.orderflow.it.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The operations of the service's own OpenAPI document: what the fuzzer drives. */
record OpenApiOperations(JsonNode document, List<Operation> operations) {

    /** A parameter of an operation: where it goes, its name and its schema. */
    record Parameter(String in, String name, JsonNode schema) {
    }

    /** One operation: method, path template under the server, parameters, and the request body's schema (or null). */
    record Operation(String method, String path, List<Parameter> parameters, JsonNode bodySchema) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static OpenApiOperations parse(String json, String contextRoot) throws Exception {
        JsonNode document = new ObjectMapper().readTree(json);
        String prefix = "";
        JsonNode servers = document.path("servers");
        if (servers.isArray() && !servers.isEmpty()) {
            prefix = servers.get(0).path("url").asText("").replaceFirst("^https?://[^/]+", "");
        }
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            String template = path.getKey().startsWith(contextRoot) ? path.getKey() : prefix + path.getKey();
            if (!template.startsWith(contextRoot)) {
                template = contextRoot + "/api" + path.getKey();
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!List.of("get", "post", "put", "delete", "patch").contains(method.getKey())) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : method.getValue().path("parameters")) {
                    JsonNode resolved = resolve(document, parameter);
                    parameters.add(new Parameter(resolved.path("in").asText(), resolved.path("name").asText(),
                            resolve(document, resolved.path("schema"))));
                }
                JsonNode body = method.getValue().path("requestBody").path("content").path("application/json").path("schema");
                operations.add(new Operation(method.getKey().toUpperCase(), template, parameters,
                        body.isMissingNode() ? null : resolve(document, body)));
            }
        }
        return new OpenApiOperations(document, operations);
    }

    /** Follows a {@code $ref} within the document. */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        while (node != null && node.has("$ref")) {
            String ref = node.get("$ref").asText();
            JsonNode target = document;
            for (String part : ref.replaceFirst("^#/", "").split("/")) {
                target = target.path(part);
            }
            node = target;
        }
        return node;
    }
}
