package org.orderflow.messaging.publish;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import org.orderflow.application.tracing.Tracing;
import org.orderflow.messaging.EventMessages;

/**
 * Publishes to the events topic. The connection factory and topic are server resources
 * ({@code jms/orderflowConnectionFactory}, {@code jms/orderflowEvents}), so another JMS provider is
 * a change of server configuration. A batch is sent in a JTA transaction of its own, which holds
 * only the broker (the database transaction of the relay is suspended meanwhile): the broker
 * stores the batch with one commit instead of one per message, and the batch becomes visible to
 * subscribers all at once or not at all. If the commit fails, the caller gets the exception and
 * does not move its cursor.
 */
@ApplicationScoped
public class JmsMessageTransport implements MessageTransport {

    @Resource(lookup = "jms/orderflowConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/orderflowEvents")
    Topic topic;

    @Inject
    Tracing tracing;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Delivery send(List<IntegrationEvent> messages) {
        int sent = 0;
        try (JMSContext context = connectionFactory.createContext()) {
            JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            for (IntegrationEvent event : messages) {
                TextMessage message = context.createTextMessage(EventMessages.toJson(event));
                EventMessages.setProperties(message, event);
                if (event.traceParent() == null) {
                    producer.send(topic, message);
                } else {
                    // the event's trace goes on: a span for its publication, whose context the message carries
                    try (Tracing.Scope ignored = tracing.span("publish " + event.eventType(), Tracing.Kind.PRODUCER,
                            event.traceParent())) {
                        String current = tracing.currentTraceParent();
                        message.setStringProperty(EventMessages.TRACEPARENT, current != null ? current : event.traceParent());
                        producer.send(topic, message);
                    }
                }
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
