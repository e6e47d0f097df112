package org.orderflow.application.notification;

/**
 * Sends notifications to customers. Throws when the message could not be handed over:
 * {@link org.orderflow.application.consumer.ReceiverUnavailable} when the mail system could not
 * be reached (try later), any other exception when it refused the message.
 */
public interface Notifier {

    void send(Notification notification);

    /** Names the channel in the consumer's inbox, e.g. {@code mail} or {@code log}. */
    String channel();
}
