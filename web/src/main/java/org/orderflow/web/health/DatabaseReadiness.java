package org.orderflow.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.orderflow.web.bootstrap.DatabaseBootstrap;

/** Ready when the schema is migrated and the database answers a query on the events table. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = "jdbc/orderflow")
    private DataSource dataSource;

    @Inject
    private DatabaseBootstrap bootstrap;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        if (!bootstrap.ensureReady()) {
            return response.down().withData("error", bootstrap.problem().orElse("unknown")).build();
        }
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT current_database(), (SELECT max(version) FROM flyway_schema_history WHERE success)")) {
            rs.next();
            return response.up()
                    .withData("database", rs.getString(1))
                    .withData("schemaVersion", rs.getString(2))
                    .build();
        } catch (SQLException e) {
            return response.down().withData("error", e.getMessage()).build();
        }
    }
}
