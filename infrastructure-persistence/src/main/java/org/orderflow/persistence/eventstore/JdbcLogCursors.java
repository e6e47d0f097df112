package org.orderflow.persistence.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.orderflow.application.eventstore.Checkpoint;
import org.orderflow.application.eventstore.LogCursors;
import org.orderflow.application.eventstore.RecordedEvent;

/**
 * {@link LogCursors} on PostgreSQL: the global read of {@link JpaEventStore} as one query, fetched
 * {@value #FETCH_SIZE} rows at a time through the driver's server-side cursor (autocommit off,
 * forward only). The connection comes from a data source outside JTA and stays in one read-only
 * transaction for the cursor's life: it takes no transaction id, so it does not hold back the
 * gap-safe readers of the log.
 */
public class JdbcLogCursors implements LogCursors {

    static final int FETCH_SIZE = 1_000;

    private final DataSource dataSource;
    private final EventSerializer serializer;

    public JdbcLogCursors(DataSource dataSource, EventSerializer serializer) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.serializer = Objects.requireNonNull(serializer);
    }

    @Override
    public Cursor open(Checkpoint after) {
        try {
            return new JdbcCursor(dataSource.getConnection(), after);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not open a cursor on the log", e);
        }
    }

    private final class JdbcCursor implements Cursor {

        private final Connection connection;
        private final PreparedStatement statement;
        private final ResultSet rows;
        private boolean exhausted;

        JdbcCursor(Connection connection, Checkpoint after) throws SQLException {
            this.connection = connection;
            try {
                connection.setAutoCommit(false);
                statement = connection.prepareStatement(JpaEventStore.READ_ALL_CURSOR, ResultSet.TYPE_FORWARD_ONLY,
                        ResultSet.CONCUR_READ_ONLY);
                statement.setFetchSize(FETCH_SIZE);
                statement.setLong(1, after.transactionId());
                statement.setLong(2, after.position());
                rows = statement.executeQuery();
            } catch (SQLException | RuntimeException e) {
                release();
                throw e;
            }
        }

        @Override
        public List<RecordedEvent> next(int max) {
            List<RecordedEvent> batch = new ArrayList<>(Math.min(max, FETCH_SIZE * 4));
            try {
                while (!exhausted && batch.size() < max) {
                    if (!rows.next()) {
                        exhausted = true;
                        break;
                    }
                    batch.add(JpaEventStore.toRecordedEvent(serializer, rows));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Reading the log through a cursor failed", e);
            }
            return batch;
        }

        @Override
        public void close() {
            release();
        }

        private void release() {
            try (connection) {
                connection.rollback(); // read only: nothing to keep
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                // the connection is closed (and discarded by the pool) either way
            }
        }
    }
}
