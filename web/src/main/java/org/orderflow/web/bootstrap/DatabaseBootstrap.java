package org.orderflow.web.bootstrap;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.output.MigrateResult;
import org.orderflow.persistence.schema.SchemaMigrations;

/**
 * Runs once at start-up, outside any transaction (Flyway and CREATE DATABASE manage their own):
 * creates the service database if it is missing and {@code orderflow.db.create-if-missing} is on,
 * then applies the Flyway migrations. If the database is unreachable the service still starts;
 * readiness stays DOWN and retries until the schema is in place.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseBootstrap {

    private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class.getName());
    private static final String INVALID_CATALOG_NAME = "3D000";

    @Resource(lookup = "jdbc/orderflow")
    private DataSource dataSource;

    @Resource(lookup = "jdbc/orderflowAdmin")
    private DataSource adminDataSource;

    private volatile boolean ready;
    private volatile String problem = "not started";

    @PostConstruct
    void start() {
        ensureReady();
    }

    /** Whether the schema is migrated; tries again if an earlier attempt failed. */
    public synchronized boolean ensureReady() {
        if (ready) {
            return true;
        }
        try {
            createDatabaseIfMissing();
            MigrateResult result = SchemaMigrations.migrate(dataSource);
            LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
                    + result.migrationsExecuted + " migrations applied now)");
            ready = true;
            problem = null;
        } catch (RuntimeException | SQLException e) {
            problem = e.getMessage();
            LOG.log(Level.SEVERE, "Database not ready: " + e.getMessage(), e);
        }
        return ready;
    }

    /** Why the database is not ready, if it is not. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection ignored = dataSource.getConnection()) {
            return;
        } catch (SQLException e) {
            if (!isMissingDatabase(e)) {
                throw e;
            }
        }
        Config config = ConfigProvider.getConfig();
        if (!config.getOptionalValue("orderflow.db.create-if-missing", Boolean.class).orElse(true)) {
            throw new SQLException("The service database does not exist and orderflow.db.create-if-missing=false");
        }
        String name = config.getOptionalValue("db.url", String.class)
                .map(DatabaseBootstrap::databaseName)
                .orElseThrow(() -> new SQLException("The service database does not exist and db.url is not readable"));
        try (Connection admin = adminDataSource.getConnection(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
            LOG.info(() -> "Created database " + name);
        } catch (SQLException e) {
            // Another server may have created it in the meantime (42P04 duplicate_database).
            if (!"42P04".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    static boolean isMissingDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && INVALID_CATALOG_NAME.equals(sql.getSQLState())) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().matches("(?s).*database \".*\" does not exist.*")) {
                return true;
            }
        }
        return false;
    }

    /** The database name of a PostgreSQL JDBC URL: {@code jdbc:postgresql://host:port/NAME?params}. */
    static String databaseName(String jdbcUrl) {
        String withoutParams = jdbcUrl.split("\\?", 2)[0];
        String name = withoutParams.substring(withoutParams.lastIndexOf('/') + 1);
        if (name.isBlank() || name.contains(":") || !withoutParams.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("No database name in " + jdbcUrl);
        }
        return name;
    }
}
