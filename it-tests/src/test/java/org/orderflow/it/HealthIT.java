package org.orderflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
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
    void the_openapi_document_is_served() throws Exception {
        HttpResponse<String> response = get("/openapi");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("orderflow");
    }
}
