package org.orderflow.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the test-only RecordingListener received ({@code it_received}), read over JDBC. */
public final class ReceivedMessages {

    /** One received message. */
    public record Received(long seq, String eventId, String eventType, String streamId, long streamVersion,
                           String tenantId, String correlationId, String properties, String body, Instant receivedAt) {
    }

    private ReceivedMessages() {
    }

    public static List<Received> forStream(String streamId) {
        return query("SELECT * FROM it_received WHERE stream_id = ? ORDER BY seq", streamId);
    }

    public static List<Received> forEvent(String eventId) {
        return query("SELECT * FROM it_received WHERE event_id = ? ORDER BY seq", eventId);
    }

    private static List<Received> query(String sql, String value) {
        List<Received> received = new ArrayList<>();
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    received.add(new Received(rs.getLong("seq"), rs.getString("event_id"), rs.getString("event_type"),
                            rs.getString("stream_id"), rs.getLong("stream_version"), rs.getString("tenant_id"),
                            rs.getString("correlation_id"), rs.getString("properties"), rs.getString("body"),
                            rs.getTimestamp("received_at").toInstant()));
                }
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return received; // the listener has not created its table yet
            }
            throw new IllegalStateException(e);
        }
        return received;
    }

    public static Connection connection() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user", "postgres"),
                System.getProperty("it.db.password", ""));
    }
}
