package org.orderflow.it.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import javax.sql.DataSource;

/**
 * Test only, deployed with the WAR by the messaging tests: a raw subscriber with no inbox (so it
 * sees duplicates), one message at a time, that writes every message it receives — properties,
 * body, arrival time — to {@code it_received} in arrival order.
 */
@MessageDriven
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class RecordingListener implements MessageListener {

    @Resource(lookup = "jdbc/orderflow")
    DataSource dataSource;

    @PostConstruct
    void table() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS it_received (
                        seq bigserial PRIMARY KEY, event_id text, event_type text, stream_id text, stream_version bigint,
                        tenant_id text, correlation_id text, properties text, body text,
                        received_at timestamptz NOT NULL DEFAULT clock_timestamp())""");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void onMessage(Message message) {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO it_received (event_id, event_type, stream_id, stream_version, tenant_id, correlation_id, properties, body)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, message.getStringProperty("eventId"));
            insert.setString(2, message.getStringProperty("eventType"));
            insert.setString(3, message.getStringProperty("streamId"));
            insert.setLong(4, message.getLongProperty("streamVersion"));
            insert.setString(5, message.getStringProperty("tenantId"));
            insert.setString(6, message.getStringProperty("correlationId"));
            StringBuilder properties = new StringBuilder();
            for (Enumeration<?> names = message.getPropertyNames(); names.hasMoreElements(); ) {
                String name = (String) names.nextElement();
                properties.append(name).append('=').append(message.getObjectProperty(name)).append('\n');
            }
            insert.setString(7, properties.toString());
            insert.setString(8, ((TextMessage) message).getText());
            insert.executeUpdate();
        } catch (SQLException | JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
