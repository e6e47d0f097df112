package org.orderflow.it.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.orderflow.it.fuzz.OpenApiOperations.Operation;
import org.orderflow.it.fuzz.OpenApiOperations.Parameter;
import org.orderflow.it.support.RawHttp;

/**
 * Builds requests for the operations of the OpenAPI document from a source of randomness (the
 * property's, so a seed reproduces them): valid bodies from each operation's schema, then broken
 * in one of the ways clients and attackers break them — truncated, nested deep, numbers huge or
 * fractional, wrong JSON types, control characters, invalid UTF-8, duplicate keys, unknown
 * fields, trailing garbage, another content type — and parameters, path ids and headers with odd
 * values.
 */
final class FuzzRequests {

    /** A generated request and the kind of damage it carries (for the statistics). */
    record Generated(Operation operation, String kind, RawHttp.Request request) {
        @Override
        public String toString() {
            return kind + " → " + request;
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final String[] ODD_IDS = {"not-a-uuid", "%00", "%2F", "%5C", "a%2Fb", "a%5Cb", "..", "%2E%2E", "%ZZ", "%",
            "%C3%28", "%ED%A0%80", "%E2%80%AE", "%F0%9F%98%80", "%0D%0AX-Injected:%201", "1e400", "-1", "0",
            "99999999999999999999999", "'%20OR%20'1'='1", "%27)--", "x".repeat(3000), "%FF%FE", "%7B%7D", "null", "true"};
    private static final String[] ODD_VALUES = {"maybe", "", "%00", "abc", "-1", "0", "1e400", "1.5", "99999999999999999999",
            "%C3%28", "true%00", "TRUE", "yes", "%20", "x".repeat(2000), "%E2%80%8B", "'", "%22", "null", "[]", "{}",
            "2147483648", "-9223372036854775809", "NaN", "Infinity", "%0A"};
    private static final String[] ODD_HEADER_VALUES = {"", " ", "x".repeat(300), "no spaces!", "\"1\"", "W/\"1\"", "*", "-1",
            "99999999999999999999", "abc", "ü", "😀", "\u0001", "a\u0000b", "\t", "%00", "' OR 1=1 --", "1e400",
            "application/json; charset=latin1", "text/plain", "*/*"};
    private static final String[] HEADERS = {"X-Tenant-ID", "X-User-ID", "X-Correlation-ID", "Idempotency-Key", "If-Match",
            "X-Min-Position", "Accept", "Content-Type"};
    private static final String[] NUMBERS = {"4294967297", "4294967301", "18446744073709551716", "9223372036854775808",
            "-9223372036854775809", "1e400", "1e300", "-1e400", "12.99", "-0.5", "0.0", "1E2", "-0", "1" + "0".repeat(60),
            "2147483648", "-2147483649", "0x10", "01", "NaN", "Infinity", "1" + "0".repeat(5000)};
    private static final String[] WRONG_TYPES = {"123", "true", "false", "null", "\"5\"", "[]", "{}", "[1,2]", "{\"a\":1}",
            "\"\"", "-1", "1.5"};
    private static final String[] CONTROL_STRINGS = {"\"\\u0000\"", "\"a\\u0000b\"", "\"\\u0001\"", "\"\\u001f\"", "\"\\u007f\"",
            "\"\\u0085\"", "\"line\\nbreak\"", "\"tab\\there\"", "\"\\ud800\"", "\"\\udfff x\"", "\"\u0001raw\"", "\"raw\nnewline\""};
    private static final String[] TRAILING = {"}", "]", "garbage", "//x", "/*x*/", "{}", "[]", ",", "0", "\u0000", "\"x\"", "}}}}"};

    private final String host;
    private final int port;
    private final JsonNode document;
    private final List<Operation> operations;
    private final Map<String, String> knownIds;
    private final String authorization;

    /**
     * @param knownIds ids that exist on the server, by the path parameter name they fit
     *                 ({@code id} of an order or product, a projector {@code name} …)
     */
    FuzzRequests(String host, int port, OpenApiOperations api, Map<String, String> knownIds, String authorization) {
        this.authorization = authorization;
        this.host = host;
        this.port = port;
        this.document = api.document();
        this.operations = api.operations();
        this.knownIds = knownIds;
    }

    /** A request whose body is generated (for operations that take one). */
    Generated body(Random random) {
        List<Operation> withBody = operations.stream().filter(o -> o.bodySchema() != null).toList();
        Operation operation = withBody.get(random.nextInt(withBody.size()));
        JsonNode valid = value(operation.bodySchema(), random, 0);
        String kind;
        byte[] body;
        String contentType = "application/json";
        int choice = random.nextInt(15);
        List<List<String>> leaves = leaves(valid, new ArrayList<>());
        List<String> leaf = leaves.isEmpty() ? List.of() : leaves.get(random.nextInt(leaves.size()));
        switch (choice) {
            case 0 -> {
                kind = "valid";
                body = utf8(valid.toString());
            }
            case 1 -> {
                kind = "truncated";
                String text = valid.toString();
                body = utf8(text.substring(0, random.nextInt(Math.max(1, text.length()))));
            }
            case 2 -> {
                kind = "deep nesting";
                int depth = 1 + random.nextInt(random.nextBoolean() ? 20 : 5000);
                String open = random.nextBoolean() ? "[" : "{\"a\":";
                String close = open.equals("[") ? "]" : "}";
                String deep = open.repeat(depth) + "1" + close.repeat(random.nextInt(4) == 0 ? depth / 2 : depth);
                body = utf8(render(valid, leaf, deep));
            }
            case 3 -> {
                kind = "odd number";
                body = utf8(render(valid, leaf, NUMBERS[random.nextInt(NUMBERS.length)]));
            }
            case 4 -> {
                kind = "wrong type";
                body = utf8(render(valid, leaf, WRONG_TYPES[random.nextInt(WRONG_TYPES.length)]));
            }
            case 5 -> {
                kind = "control characters";
                body = utf8(render(valid, leaf, CONTROL_STRINGS[random.nextInt(CONTROL_STRINGS.length)]));
            }
            case 6 -> {
                kind = "invalid utf-8";
                byte[] bad = new byte[1 + random.nextInt(3)];
                for (int i = 0; i < bad.length; i++) {
                    bad[i] = (byte) (0x80 + random.nextInt(0x80));
                }
                String[] parts = render(valid, leaf, "\"\u0000MARK\u0000\"").split("\u0000MARK\u0000", 2);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(utf8(parts[0]));
                out.writeBytes(bad);
                out.writeBytes(utf8(parts.length > 1 ? parts[1] : ""));
                body = out.toByteArray();
            }
            case 7 -> {
                kind = "duplicate key";
                String text = valid.toString();
                body = utf8(text.replaceFirst("\\{\"([a-z_0-9]+)\":", "{\"$1\":null,\"$1\":"));
            }
            case 8 -> {
                kind = "unknown field";
                String text = valid.toString();
                body = utf8(random.nextBoolean() ? text.replaceFirst("\\{", "{\"unexpected\":1,")
                        : text.replaceFirst("\\{(\"[a-z_]+\":)\\{", "{$1{\"x\":{\"y\":[],"));
            }
            case 9 -> {
                kind = "trailing content";
                body = utf8(valid + TRAILING[random.nextInt(TRAILING.length)]);
            }
            case 10 -> {
                kind = "other content type";
                body = utf8(valid.toString());
                contentType = new String[] {"application/json; charset=ISO-8859-1", "text/plain", "application/xml",
                        "application/x-www-form-urlencoded", "", "application/json; charset=utf-16", "*/*"}[random.nextInt(7)];
            }
            case 11 -> {
                kind = "not the wrapper";
                body = utf8(new String[] {"[" + valid + "]", "\"" + valid.toString().replace("\"", "\\\"") + "\"", "null", "",
                        "  ", "{}", "[]", "0", "true", valid.path(valid.fieldNames().hasNext() ? valid.fieldNames().next() : "x").toString()}
                        [random.nextInt(10)]);
            }
            case 12 -> {
                kind = "oversized";
                body = utf8(render(valid, leaf, "\"" + "x".repeat(60_000 + random.nextInt(20_000)) + "\""));
            }
            case 13 -> {
                kind = "random bytes";
                body = new byte[random.nextInt(200)];
                random.nextBytes(body);
            }
            default -> {
                kind = "long string";
                body = utf8(render(valid, leaf, "\"" + "ü".repeat(100 + random.nextInt(12_000)) + "\""));
            }
        }
        List<Map.Entry<String, String>> headers = baseHeaders();
        if (!contentType.isEmpty()) {
            headers.add(Map.entry("Content-Type", contentType));
        }
        headers.add(Map.entry("Content-Length", Integer.toString(body.length)));
        return new Generated(operation, kind, new RawHttp.Request(operation.method(), target(operation, random, true), headers, body));
    }

    /** A request with generated path ids, query parameters and headers (and a valid body where one is needed). */
    Generated parameters(Random random) {
        Operation operation = operations.get(random.nextInt(operations.size()));
        List<Map.Entry<String, String>> headers = baseHeaders();
        String kind = "parameters";
        int extraHeaders = random.nextInt(3);
        for (int i = 0; i < extraHeaders; i++) {
            headers.add(Map.entry(HEADERS[random.nextInt(HEADERS.length)], ODD_HEADER_VALUES[random.nextInt(ODD_HEADER_VALUES.length)]));
            kind = "headers";
        }
        String method = random.nextInt(12) == 0 ? new String[] {"PUT", "PATCH", "DELETE", "POST", "GET"}[random.nextInt(5)]
                : operation.method();
        byte[] body = null;
        if (operation.bodySchema() != null && method.equals(operation.method())) {
            body = utf8(value(operation.bodySchema(), random, 0).toString());
            headers.add(Map.entry("Content-Type", "application/json"));
        }
        if (body != null || method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            headers.add(Map.entry("Content-Length", Integer.toString(body == null ? 0 : body.length)));
        }
        return new Generated(operation, kind, new RawHttp.Request(method, target(operation, random, false), headers, body));
    }

    /**
     * A well-formed request (known ids, a valid body) of an operation that {@code eligible}
     * accepts, sent with {@code authorization} (null: none) and the extra headers: what a caller
     * without the right token sends.
     */
    Generated intruder(Random random, String kind, java.util.function.Predicate<Operation> eligible, String authorization,
                       Map<String, String> extraHeaders) {
        List<Operation> candidates = operations.stream().filter(eligible).toList();
        Operation operation = candidates.get(random.nextInt(candidates.size()));
        List<Map.Entry<String, String>> headers = baseHeaders(authorization);
        headers.addAll(extraHeaders.entrySet());
        byte[] body = null;
        if (operation.bodySchema() != null) {
            body = utf8(value(operation.bodySchema(), random, 0).toString());
            headers.add(Map.entry("Content-Type", "application/json"));
        }
        if (body != null || !operation.method().equals("GET")) {
            headers.add(Map.entry("Content-Length", Integer.toString(body == null ? 0 : body.length)));
        }
        String path = operation.path();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("path")) {
                path = path.replace("{" + parameter.name() + "}", knownIds.getOrDefault(parameter.name(), "1"));
            }
        }
        return new Generated(operation, kind, new RawHttp.Request(operation.method(), path, headers, body));
    }

    private List<Map.Entry<String, String>> baseHeaders() {
        return baseHeaders(authorization);
    }

    private List<Map.Entry<String, String>> baseHeaders(String authorization) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Host", host + ":" + port));
        headers.add(Map.entry("Connection", "close"));
        headers.add(Map.entry("Accept", "application/json"));
        if (authorization != null) {
            headers.add(Map.entry("Authorization", authorization));
        }
        return headers;
    }

    /** The request target: path parameters filled in (a known id, a random one, or an odd one) and query parameters. */
    private String target(Operation operation, Random random, boolean mostlyValid) {
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        for (Parameter parameter : operation.parameters()) {
            boolean odd = !mostlyValid && random.nextInt(3) == 0;
            if (parameter.in().equals("path")) {
                String value = odd ? ODD_IDS[random.nextInt(ODD_IDS.length)] : knownIds.getOrDefault(parameter.name(),
                        random.nextBoolean() ? UUID.randomUUID().toString() : "1");
                if (!odd && random.nextInt(4) == 0) {
                    value = UUID.randomUUID().toString();
                }
                path = path.replace("{" + parameter.name() + "}", value);
            } else if (parameter.in().equals("query") && (odd || random.nextInt(3) == 0)) {
                String value = odd ? ODD_VALUES[random.nextInt(ODD_VALUES.length)]
                        : encode(value(parameter.schema(), random, 0).asText());
                query.append(query.isEmpty() ? "?" : "&").append(parameter.name()).append('=').append(value);
            }
        }
        if (!mostlyValid && random.nextInt(10) == 0) {
            query.append(query.isEmpty() ? "?" : "&").append(ODD_VALUES[random.nextInt(ODD_VALUES.length)]).append("=1");
        }
        return path + query;
    }

    /** A valid JSON value for a schema (what the OpenAPI document says the operation accepts). */
    JsonNode value(JsonNode schema, Random random, int depth) {
        if (schema == null || schema.isMissingNode()) {
            return NODES.textNode("x");
        }
        if (schema.has("$ref")) {
            return value(OpenApiOperations.resolve(document, schema), random, depth);
        }
        if (schema.has("allOf")) {
            return value(schema.get("allOf").get(0), random, depth);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                List<String> required = new ArrayList<>();
                schema.path("required").forEach(r -> required.add(r.asText()));
                for (Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (required.contains(field.getKey()) || random.nextInt(3) > 0) {
                        object.set(field.getKey(), value(field.getValue(), random, depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    array.add(value(schema.path("items"), random, depth + 1));
                }
                return array;
            }
            case "integer", "number" -> {
                long min = schema.has("minimum") ? schema.get("minimum").asLong() : 1;
                long max = schema.has("maximum") ? schema.get("maximum").asLong() : Math.max(min, 100_000);
                if (schema.path("exclusiveMinimum").isNumber()) {
                    min = schema.get("exclusiveMinimum").asLong() + 1;
                }
                return NODES.numberNode(min + (long) (random.nextDouble() * Math.min(max - min, 1_000_000)));
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                if (schema.has("enum")) {
                    return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
                }
                String pattern = schema.path("pattern").asText("");
                if (pattern.contains("[0-9a-fA-F]{8}")) {
                    return NODES.textNode(UUID.randomUUID().toString());
                }
                if (pattern.startsWith("[A-Z0-9]")) {
                    return NODES.textNode("SKU-" + random.nextInt(1000));
                }
                if (!pattern.isEmpty() && pattern.contains("|")) {
                    String[] options = pattern.replaceAll("[()^$]", "").split("\\|");
                    return NODES.textNode(options[random.nextInt(options.length)]);
                }
                int max = schema.has("maxLength") ? schema.get("maxLength").asInt() : 40;
                String[] samples = {"山田太郎", "Ada", "JP", "customer-7", "1 Analytical St", "ノートPC", "ü", "😀 ok", "R-1"};
                String text = samples[random.nextInt(samples.length)];
                return NODES.textNode(text.length() > max ? text.substring(0, max) : text);
            }
        }
    }


    /** Paths to the leaves of a JSON tree (field names, array indexes as text). */
    private static List<List<String>> leaves(JsonNode node, List<String> path) {
        List<List<String>> leaves = new ArrayList<>();
        if (node.isObject() && node.size() > 0) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                List<String> child = new ArrayList<>(path);
                child.add(field.getKey());
                leaves.addAll(leaves(field.getValue(), child));
            }
        } else if (node.isArray() && node.size() > 0) {
            for (int i = 0; i < node.size(); i++) {
                List<String> child = new ArrayList<>(path);
                child.add(Integer.toString(i));
                leaves.addAll(leaves(node.get(i), child));
            }
        } else {
            leaves.add(path);
        }
        return leaves;
    }

    /** The tree as JSON text with the value at {@code path} replaced by raw text (which need not be JSON). */
    private static String render(JsonNode node, List<String> path, String raw) {
        if (path.isEmpty()) {
            return raw;
        }
        StringBuilder out = new StringBuilder();
        if (node.isObject()) {
            out.append('{');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.append(first ? "" : ",").append(quote(field.getKey())).append(':');
                out.append(field.getKey().equals(path.get(0)) ? render(field.getValue(), path.subList(1, path.size()), raw)
                        : field.getValue().toString());
                first = false;
            }
            return out.append('}').toString();
        }
        if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                out.append(Integer.toString(i).equals(path.get(0)) ? render(node.get(i), path.subList(1, path.size()), raw)
                        : node.get(i).toString());
            }
            return out.append(']').toString();
        }
        return raw;
    }

    private static String quote(String text) {
        return NODES.textNode(text).toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
