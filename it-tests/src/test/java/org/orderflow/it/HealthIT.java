package org.orderflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orderflow.it.support.Deployments;

/** The operator's view: health, readiness against the real database, and the OpenAPI document. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    private static final String SERVER = "http://localhost:" + System.getProperty("it.http.port", "9181");
    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.orderflowWar();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(SERVER + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readiness_is_up_with_the_migrated_database() throws Exception {
        HttpResponse<String> response = get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        JsonNode database = null;
        for (JsonNode check : body.path("checks")) {
            if (check.path("name").asText().equals("database")) {
                database = check;
            }
        }
        assertThat(database).as("the database check in %s", body).isNotNull();
        assertThat(database.path("status").asText()).isEqualTo("UP");
        assertThat(database.path("data").path("database").asText()).isEqualTo(System.getProperty("it.db.name", "orderflow_it"));
        assertThat(database.path("data").path("schemaVersion").asText()).isNotBlank();
    }

    @Test
    void liveness_and_overall_health_are_up() throws Exception {
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(health.body()).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void the_openapi_document_describes_every_operation_with_an_id_and_its_problems() throws Exception {
        HttpResponse<String> response = get("/openapi?format=JSON");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = new ObjectMapper().readTree(response.body());
        assertThat(document.path("components").path("schemas").path("Problem").path("properties").path("status").isObject())
                .as("one shared problem schema").isTrue();
        Set<String> ids = new HashSet<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                String where = method.getKey() + " " + path.getKey();
                JsonNode operation = method.getValue();
                operations++;
                assertThat(operation.path("operationId").asText()).as("operationId of " + where).isNotBlank();
                assertThat(ids.add(operation.path("operationId").asText())).as("unique operationId of " + where).isTrue();
                JsonNode badRequest = resolve(document, operation.path("responses").path("400"));
                assertThat(badRequest.path("content").path("application/problem+json").path("schema").path("$ref").asText())
                        .as("400 problem of " + where).endsWith("/Problem");
            }
        }
        assertThat(operations).isGreaterThan(25);
    }

    /** A response object, following a {@code $ref} to the shared components. */
    private static JsonNode resolve(JsonNode document, JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        JsonNode target = document;
        for (String part : node.get("$ref").asText().replaceFirst("^#/", "").split("/")) {
            target = target.path(part);
        }
        return target;
    }

    /** The served document passes Redocly's recommended rules (redocly.yaml): zero errors, zero warnings. */
    @Test
    void the_openapi_document_passes_the_linter() throws Exception {
        HttpResponse<String> response = get("/openapi?format=JSON");
        Path document = Path.of("target/openapi/openapi.json").toAbsolutePath();
        Files.createDirectories(document.getParent());
        Files.writeString(document, response.body());
        Path config = Path.of("../redocly.yaml").toAbsolutePath().normalize();

        Process lint = new ProcessBuilder("npx", "--yes", "@redocly/cli@2.77.0", "lint", document.toString(),
                "--config", config.toString(), "--format=json")
                .directory(document.getParent().toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(lint.getInputStream().readAllBytes());
        assertThat(lint.waitFor(5, TimeUnit.MINUTES)).as("the linter finished").isTrue();
        System.out.println(output);

        JsonNode report = new ObjectMapper().readTree(output);
        assertThat(report.path("totals").path("errors").asInt(-1)).as(output).isZero();
        assertThat(report.path("totals").path("warnings").asInt(-1)).as(output).isZero();
        assertThat(lint.exitValue()).as(output).isZero();
    }
}
