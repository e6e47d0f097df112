package org.orderflow.persistence.support;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.orderflow.persistence.schema.SchemaMigrations;

/**
 * A real PostgreSQL schema of its own for one test class: created, migrated with the real Flyway
 * scripts, and dropped on close. Connection settings come from the system properties
 * {@code test.db.url}, {@code test.db.user}, {@code test.db.password} (set by the build; defaults
 * suit this machine).
 */
public final class TestDatabase implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final String schema;
    private final EntityManagerFactory emf;

    private TestDatabase() {
        this.url = System.getProperty("test.db.url", "jdbc:postgresql://127.0.0.1:5432/test");
        this.user = System.getProperty("test.db.user", "postgres");
        this.password = System.getProperty("test.db.password", "");
        this.schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        SchemaMigrations.migrate(dataSource(url), schema);
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        this.emf = Persistence.createEntityManagerFactory("orderflow-test", Map.of(
                "jakarta.persistence.jdbc.url", schemaUrl,
                "jakarta.persistence.jdbc.user", user,
                "jakarta.persistence.jdbc.password", password));
    }

    public static TestDatabase create() {
        return new TestDatabase();
    }

    public EntityManagerFactory emf() {
        return emf;
    }

    public String schema() {
        return schema;
    }

    /** Runs the work in its own entity manager and transaction, committing on success. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    public void run(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    /** Rolls back whatever the entity manager left open (e.g. after a failed assertion), then closes it. */
    public static void release(EntityManager em) {
        if (em.getTransaction().isActive()) {
            em.getTransaction().rollback();
        }
        em.close();
    }

    /** A data source of plain JDBC connections to the test schema (for code that takes one, such as cursors). */
    public DataSource dataSource() {
        return dataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }

    /** Every row of the table, ordered by its first two columns, one line per row: for comparing whole tables. */
    public String dump(String table) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = connection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    out.append(rs.getString(i)).append('|');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** A plain JDBC connection to the test schema, autocommit on. */
    public Connection connection() throws SQLException {
        Connection connection = DriverManager.getConnection(url, user, password);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema);
        }
        return connection;
    }

    @Override
    public void close() {
        emf.close();
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("DROP SCHEMA IF EXISTS " + schema + "_shadow CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test schema " + schema, e);
        }
    }

    private DataSource dataSource(String jdbcUrl) {
        return new DriverManagerDataSource(jdbcUrl, user, password);
    }

    /** The smallest DataSource over DriverManager, for Flyway. */
    private record DriverManagerDataSource(String url, String user, String password) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public Connection getConnection(String username, String pass) throws SQLException {
            return DriverManager.getConnection(url, username, pass);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
