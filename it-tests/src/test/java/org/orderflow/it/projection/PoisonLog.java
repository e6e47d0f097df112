package org.orderflow.it.projection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The test's side of {@link PoisonProjector}, through the test database: where it starts, what
 * it applied, and the cure of a poisoned order.
 */
public final class PoisonLog {

    private PoisonLog() {
    }

    /**
     * The test projector only cares about the running test's events: it starts at the head of the
     * log instead of catching up with everything earlier runs (benchmarks included) left in the
     * test database. Under the projector's own lock, so a batch in flight cannot move it back.
     */
    public static void startTheProjectorAtTheHead() throws SQLException {
        try (Connection c = database()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))");
                 PreparedStatement head = c.prepareStatement("""
                         INSERT INTO projection_checkpoints (projector, transaction_id, position, last_processed_at)
                         SELECT 'it-poison', transaction_id::text::bigint, position, now() FROM events
                          ORDER BY transaction_id DESC, position DESC LIMIT 1
                         ON CONFLICT (projector) DO UPDATE SET transaction_id = EXCLUDED.transaction_id,
                             position = EXCLUDED.position, last_processed_at = EXCLUDED.last_processed_at""")) {
                lock.setString(1, "projection:" + PoisonProjector.NAME);
                lock.executeQuery();
                head.executeUpdate();
            }
            c.commit();
        }
    }

    /** The versions of {@code stream} the projector applied, in the order it applied them. */
    public static List<Long> applied(String stream) throws SQLException {
        List<Long> versions = new ArrayList<>();
        try (Connection c = database(); PreparedStatement s = c.prepareStatement("""
                SELECT version FROM it_applied WHERE stream_id = ? ORDER BY seq""")) {
            s.setString(1, stream);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    versions.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return versions;    // the projector has not created its tables yet: it applied nothing
            }
            throw e;
        }
        return versions;
    }

    /** Fixes the cause: from now on the projector applies the poisoned order's creation. */
    public static void cure(String stream) throws SQLException {
        try (Connection c = database();
             PreparedStatement table = c.prepareStatement("CREATE TABLE IF NOT EXISTS it_cures (stream_id text PRIMARY KEY)");
             PreparedStatement cure = c.prepareStatement("INSERT INTO it_cures VALUES (?)")) {
            // on a fresh database the projector's tables do not exist yet: its failing transaction rolled them back
            table.executeUpdate();
            cure.setString(1, stream);
            cure.executeUpdate();
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user", "postgres"),
                System.getProperty("it.db.password", ""));
    }
}
