package org.orderflow.messaging.deadletter;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.orderflow.application.consumer.DeadLetters;
import org.orderflow.messaging.EventMessages;

/**
 * {@link DeadLetters} on the queue {@code jms/orderflowDeadLetters}, which server.xml names as the
 * events topic's exception destination. Replay and purge receive the message in a JTA
 * transaction, so a replay either moves the message back to the topic or leaves it where it was.
 */
@ApplicationScoped
public class JmsDeadLetters implements DeadLetters {

    /** Broker message ids are used in a selector; nothing else may get in. */
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern MESSAGE_ID = Pattern.compile("ID:[A-Za-z0-9_:\\-]{1,120}");
    private static final long RECEIVE_TIMEOUT_MS = 1000;

    @Resource(lookup = "jms/orderflowConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/orderflowDeadLetters")
    Queue queue;

    @Resource(lookup = "jms/orderflowEvents")
    Topic topic;

    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public List<DeadLetter> list(int max, Optional<String> tenant) {
        List<DeadLetter> letters = new ArrayList<>();
        try (JMSContext context = connectionFactory.createContext();
             QueueBrowser browser = context.createBrowser(queue, tenantSelector(tenant))) {
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements() && letters.size() < max) {
                letters.add(describe((Message) messages.nextElement()));
            }
            return letters;
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public long count() {
        try (JMSContext context = connectionFactory.createContext(); QueueBrowser browser = context.createBrowser(queue)) {
            return Collections.list(browser.getEnumeration()).size();
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean replay(String messageId, Optional<String> tenant) {
        return take(messageId, tenant, true);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean purge(String messageId, Optional<String> tenant) {
        return take(messageId, tenant, false);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int replayAll() {
        return drain(true);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeAll() {
        return drain(false);
    }

    private boolean take(String messageId, Optional<String> tenant, boolean republish) {
        if (messageId == null || !MESSAGE_ID.matcher(messageId).matches()) {
            return false;
        }
        String selector = "JMSMessageID = '" + messageId + "'"
                + tenant.map(t -> " AND (" + tenantSelector(tenant) + ")").orElse("");
        try (JMSContext context = connectionFactory.createContext();
             JMSConsumer consumer = context.createConsumer(queue, selector)) {
            Message message = consumer.receive(RECEIVE_TIMEOUT_MS);
            if (message == null) {
                return false;
            }
            if (republish) {
                republish(context, message);
            }
            return true;
        }
    }

    /** A selector for one tenant's messages (null: every message); a tenant id outside [A-Za-z0-9_-] matches none. */
    private static String tenantSelector(Optional<String> tenant) {
        return tenant.map(t -> TENANT.matcher(t).matches() ? EventMessages.TENANT_ID + " = '" + t + "'" : "1 = 0")
                .orElse(null);
    }

    private int drain(boolean republish) {
        int taken = 0;
        try (JMSContext context = connectionFactory.createContext(); JMSConsumer consumer = context.createConsumer(queue)) {
            for (Message message = consumer.receiveNoWait(); message != null; message = consumer.receiveNoWait()) {
                if (republish) {
                    republish(context, message);
                }
                taken++;
            }
        }
        return taken;
    }

    /** A fresh copy on the topic: the same text and application properties, none of the broker's. */
    private void republish(JMSContext context, Message dead) {
        try {
            TextMessage copy = context.createTextMessage(dead instanceof TextMessage text ? text.getText() : null);
            for (Enumeration<?> names = dead.getPropertyNames(); names.hasMoreElements(); ) {
                String name = (String) names.nextElement();
                if (!name.startsWith("JMS")) {
                    copy.setObjectProperty(name, dead.getObjectProperty(name));
                }
            }
            copy.setJMSType(dead.getJMSType());
            copy.setJMSCorrelationID(dead.getJMSCorrelationID());
            context.createProducer().send(topic, copy);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    private static DeadLetter describe(Message message) throws JMSException {
        String body = message instanceof TextMessage text ? text.getText() : "(" + message.getClass().getSimpleName() + ")";
        Long deadAt = message.propertyExists("JMS_IBM_ExceptionTimestamp") ? message.getLongProperty("JMS_IBM_ExceptionTimestamp") : null;
        return new DeadLetter(message.getJMSMessageID(),
                string(message, EventMessages.EVENT_ID),
                string(message, EventMessages.EVENT_TYPE),
                string(message, EventMessages.STREAM_ID),
                string(message, "JMS_IBM_ExceptionProblemSubscription"),
                string(message, "JMS_IBM_ExceptionMessage"),
                Optional.ofNullable(deadAt).map(Instant::ofEpochMilli),
                message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 0,
                body == null ? "" : body);
    }

    private static Optional<String> string(Message message, String property) throws JMSException {
        return message.propertyExists(property) ? Optional.ofNullable(message.getStringProperty(property)) : Optional.empty();
    }
}
