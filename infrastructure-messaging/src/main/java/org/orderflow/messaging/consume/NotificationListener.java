package org.orderflow.messaging.consume;

import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.orderflow.application.consumer.ConsumerObserver;
import org.orderflow.application.consumer.IdempotentDelivery;
import org.orderflow.application.logging.LogContext;
import org.orderflow.application.notification.OrderNotifications;
import org.orderflow.application.tracing.Tracing;
import org.orderflow.messaging.guard.ConsumerPauses;

/** The notification handler's subscription (activation spec {@code orderflow/NotificationListener}). */
@MessageDriven
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class NotificationListener implements MessageListener {

    @Inject
    OrderNotifications notifications;

    @Inject
    IdempotentDelivery delivery;

    @Inject
    ConsumerPauses pauses;

    @Inject
    ConsumerObserver observer;

    @Inject
    LogContext logs;

    @Inject
    Tracing tracing;

    @Override
    public void onMessage(Message message) {
        ConsumerListener.onMessage(message, notifications, delivery, pauses, observer, logs, tracing, NotificationListener.class);
    }
}
