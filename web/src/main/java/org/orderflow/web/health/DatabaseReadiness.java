package org.orderflow.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.orderflow.web.bootstrap.DatabaseBootstrap;

/**
 * Ready when the schema is migrated and the database answers a query on the events table. The
 * probe is open (no token), so a failure's text stays in the server log.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

    @Resource(lookup = "jdbc/orderflow")
    private DataSource dataSource;

    @Inject
    private DatabaseBootstrap bootstrap;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        if (!bootstrap.ensureReady()) {
            // the reason (which may name hosts, users, SQL) is in the server log, not in an open probe's answer
            return response.down().withData("state", "schema not ready").build();
        }
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT current_database(), (SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
                             + "ORDER BY installed_rank DESC LIMIT 1)")) {
            rs.next();
            return response.up()
                    .withData("database", rs.getString(1))
                    .withData("schemaVersion", rs.getString(2))
                    .build();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Readiness: the database does not answer", e);
            return response.down().withData("state", "database unreachable").build();
        }
    }
}
