package org.orderflow.messaging.notify;

import java.util.logging.Logger;
import org.orderflow.application.notification.Notification;
import org.orderflow.application.notification.Notifier;

/** The default when no SMTP host is configured: the notification is written to the server log. */
public class LogNotifier implements Notifier {

    private static final Logger LOG = Logger.getLogger(LogNotifier.class.getName());

    @Override
    public void send(Notification notification) {
        LOG.info(() -> "Notification (log only, no SMTP host configured) to " + notification.recipient() + ": "
                + notification.subject());
    }

    @Override
    public String channel() {
        return "log";
    }
}
