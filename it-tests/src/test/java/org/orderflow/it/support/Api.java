package org.orderflow.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A small HTTP client for the deployed API: JSON in, status + headers + parsed JSON out. */
public final class Api {

    public static final String SERVER = "http://localhost:" + System.getProperty("it.http.port", "9181");
    public static final String BASE = SERVER + "/orderflow/api";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Per server (host:port), the highest global position any command it answered in this test run:
     * reads send it as X-Min-Position (read-your-writes), as a client that wants to see its own
     * writes does. Per server, because the servers of their own (crash tests) have databases of
     * their own: a position of one log means nothing to another, and a higher one would make every
     * read of the shared server wait for an event it will never have.
     */
    private static final Map<String, AtomicLong> LAST_POSITION = new ConcurrentHashMap<>();

    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean readYourWrites = true;
    private String base = BASE;
    private String subject = "it-user";
    private String tenant = "default";
    private List<String> roles = Tokens.ALL_ROLES;
    /** The Authorization header as given (withToken), or null for a token of the server's issuer. */
    private String authorization;
    private boolean sendToken = true;

    public static Api client() {
        return new Api();
    }

    /** A copy of this client that also sends the header. */
    public Api with(String name, String value) {
        Api copy = copy();
        copy.headers.put(name, value);
        return copy;
    }

    /** A copy of this client whose token is for {@code tenant} (the token alone names the tenant). */
    public Api asTenant(String tenant) {
        Api copy = copy();
        copy.tenant = tenant;
        return copy;
    }

    /** A copy of this client whose token's subject is {@code subject}. */
    public Api asUser(String subject) {
        Api copy = copy();
        copy.subject = subject;
        return copy;
    }

    /** A copy of this client whose token holds exactly these roles. */
    public Api withRoles(String... roles) {
        Api copy = copy();
        copy.roles = List.of(roles);
        return copy;
    }

    /** A copy of this client that sends this token (expired, forged, ...) instead of a valid one. */
    public Api withToken(String token) {
        Api copy = copy();
        copy.authorization = "Bearer " + token;
        return copy;
    }

    /** A copy of this client that sends no Authorization header. */
    public Api withoutToken() {
        Api copy = copy();
        copy.sendToken = false;
        return copy;
    }

    public String tenant() {
        return tenant;
    }

    /** The Authorization header this client sends, or null. */
    public String authorization() {
        if (!sendToken) {
            return null;
        }
        return authorization != null ? authorization : "Bearer " + Tokens.issue(server(), subject, tenant, roles);
    }

    /** http://host:port of the server this client talks to. */
    public String server() {
        return base.replaceFirst("/orderflow/api$", "");
    }

    /** A copy of this client that does not send X-Min-Position on reads. */
    public Api withoutReadYourWrites() {
        Api copy = copy();
        copy.readYourWrites = false;
        return copy;
    }

    /** A copy of this client that talks to the API at {@code apiBase} (a server of a test's own). */
    public Api at(String apiBase) {
        Api copy = copy();
        copy.base = apiBase;
        return copy;
    }

    private Api copy() {
        Api copy = new Api();
        copy.headers.putAll(headers);
        copy.readYourWrites = readYourWrites;
        copy.base = base;
        copy.subject = subject;
        copy.tenant = tenant;
        copy.roles = roles;
        copy.authorization = authorization;
        copy.sendToken = sendToken;
        return copy;
    }

    private static AtomicLong lastPosition(URI server) {
        return LAST_POSITION.computeIfAbsent(server.getHost() + ":" + server.getPort(), key -> new AtomicLong());
    }

    public String headerValue(String name) {
        return headers.get(name);
    }

    public Reply get(String path) {
        HttpRequest.Builder request = builder(path).GET();
        long seen = lastPosition(URI.create(base)).get();
        if (readYourWrites && seen > 0 && !headers.containsKey("X-Min-Position")) {
            request.header("X-Min-Position", Long.toString(seen));
        }
        return send(request);
    }

    /** A path on the server itself rather than under the API (health, metrics, openapi). */
    public Reply getAbsolute(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server() + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(builder::header);
        if (authorization() != null) {
            builder.setHeader("Authorization", authorization());
        }
        return send(builder.GET());
    }

    public Reply post(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A JSON body given as bytes, exactly (e.g. not valid UTF-8). */
    public Reply post(String path, byte[] json) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)));
    }

    public Reply post(String path) {
        return send(builder(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Reply post(String path, String contentType, String body) {
        return send(builder(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply delete(String path) {
        return send(builder(path).DELETE());
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(builder::header);
        if (authorization() != null) {
            builder.setHeader("Authorization", authorization());
        }
        return builder;
    }

    /**
     * Sends the request; a token of the server's development issuer that is refused (the
     * application was redeployed: its issuer has a new key) is fetched anew and the request sent
     * once more, as a client refreshes an expired token.
     */
    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401 && sendToken && authorization == null) {
                Tokens.forget(server());
                response = HTTP.send(request.setHeader("Authorization", authorization()).build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            Reply reply = new Reply(response);
            if (!"GET".equals(response.request().method()) && response.statusCode() < 300
                    && response.body().contains("\"position\"")) {
                lastPosition(response.request().uri()).accumulateAndGet(reply.number("position"), Math::max);
            }
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One HTTP answer. */
    public record Reply(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status() + "): " + response.body(), e);
            }
        }

        public String text(String field) {
            return json().path(field).asText(null);
        }

        public long number(String field) {
            return json().path(field).asLong();
        }

        @Override
        public String toString() {
            return status() + " " + response.body();
        }
    }
}
