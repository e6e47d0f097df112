package org.orderflow.messaging.publish;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.transaction.Transactional;
import java.util.List;
import org.orderflow.application.outbox.IntegrationEvent;
import org.orderflow.application.outbox.MessageTransport;
import org.orderflow.messaging.EventMessages;

/**
 * Publishes to the events topic. The connection factory and topic are server resources
 * ({@code jms/orderflowConnectionFactory}, {@code jms/orderflowEvents}), so another JMS provider is
 * a change of server configuration. Runs outside any JTA transaction: each persistent send
 * returns once the broker has the message, which is what lets the relay move its cursor message
 * by message.
 */
@ApplicationScoped
public class JmsMessageTransport implements MessageTransport {

    @Resource(lookup = "jms/orderflowConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/orderflowEvents")
    Topic topic;

    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Delivery send(List<IntegrationEvent> messages) {
        int sent = 0;
        try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            for (IntegrationEvent event : messages) {
                TextMessage message = context.createTextMessage(EventMessages.toJson(event));
                EventMessages.setProperties(message, event);
                producer.send(topic, message);
                sent++;
            }
            return Delivery.all(sent);
        } catch (JMSRuntimeException e) {
            return Delivery.partial(sent, e);
        } catch (JMSException e) {
            return Delivery.partial(sent, new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e));
        } catch (RuntimeException e) {
            return Delivery.partial(sent, e);
        }
    }
}
