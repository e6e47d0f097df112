package org.orderflow.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads what the deployed service stored, straight from its PostgreSQL database. */
public final class EventsTable {

    private EventsTable() {
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                System.getProperty("it.db.url", "jdbc:postgresql://127.0.0.1:5432/orderflow_it"),
                System.getProperty("it.db.user", "postgres"),
                System.getProperty("it.db.password", ""));
    }

    /** The stream's rows in version order: tenant, type, version, event type and the metadata keys. */
    public static List<Map<String, String>> stream(String streamId) {
        return query("""
                SELECT tenant_id, stream_type, stream_version::text AS stream_version, event_type, schema_version::text AS schema_version,
                       metadata->>'correlationId' AS correlation_id, metadata->>'causationId' AS causation_id,
                       metadata->>'userId' AS user_id, metadata->>'source' AS source, metadata->>'traceId' AS trace_id
                  FROM events WHERE stream_id = ? ORDER BY stream_version""", streamId);
    }

    public static long countInTenant(String tenantId) {
        return Long.parseLong(query("SELECT count(*)::text AS n FROM events WHERE tenant_id = ?", tenantId).get(0).get("n"));
    }

    /** Runs DDL or DML against the service's database (test fixtures such as a refusing trigger). */
    public static void execute(String sql) {
        try (Connection connection = connect(); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many streams the service stored, over all tenants (no command may run meanwhile). */
    public static long streamCount() {
        return Long.parseLong(query("SELECT count(DISTINCT (tenant_id, stream_type, stream_id))::text AS n FROM events")
                .get(0).get("n"));
    }

    /** How many events the service stored, over all tenants. */
    public static long eventCount() {
        return Long.parseLong(query("SELECT count(*)::text AS n FROM events").get(0).get("n"));
    }

    /** The stream version of the stream's snapshot, or null when it has none. */
    public static Long snapshotVersion(String streamId) {
        List<Map<String, String>> rows = query("SELECT stream_version::text AS v FROM snapshots WHERE stream_id = ?", streamId);
        return rows.isEmpty() ? null : Long.valueOf(rows.get(0).get("v"));
    }

    /**
     * Overwrites an order's row in the details read model behind the projector's back (a test of
     * a repair: the rebuild must restore it from the events). Returns the rows changed.
     */
    public static int damageOrderDetails(String tenantId, String orderId) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(
                "UPDATE order_details SET customer_name = 'damaged', total_cents = -1, item_count = 0, lines = '[]'"
                        + " WHERE tenant_id = ? AND order_id = ?::uuid")) {
            statement.setString(1, tenantId);
            statement.setString(2, orderId);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map<String, String>> query(String sql, String... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<Map<String, String>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
