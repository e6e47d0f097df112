package org.orderflow.messaging.notify;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;
import org.orderflow.application.consumer.ReceiverUnavailable;
import org.orderflow.application.notification.Notification;
import org.orderflow.application.notification.Notifier;

/**
 * Sends notifications as plain-text mail over SMTP (Jakarta Mail), one try per delivery. A server
 * that cannot be reached (or fails the conversation) is {@link ReceiverUnavailable}; a refused
 * message or address is {@link NotificationFailed}. The event id becomes the
 * Message-ID, so a mail system that sees the same notification twice (a redelivery whose
 * transaction failed after the send) can recognise it.
 */
public class MailNotifier implements Notifier {

    private final Session session;
    private final MailSettings settings;

    public MailNotifier(MailSettings settings) {
        this.settings = settings;
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", settings.host().orElseThrow());
        properties.put("mail.smtp.port", String.valueOf(settings.port()));
        properties.put("mail.smtp.connectiontimeout", String.valueOf(settings.timeout().toMillis()));
        properties.put("mail.smtp.timeout", String.valueOf(settings.timeout().toMillis()));
        properties.put("mail.smtp.writetimeout", String.valueOf(settings.timeout().toMillis()));
        properties.put("mail.smtp.starttls.enable", String.valueOf(settings.starttls()));
        properties.put("mail.smtp.starttls.required", String.valueOf(settings.starttls()));
        Authenticator authenticator = null;
        if (settings.user().isPresent()) {
            properties.put("mail.smtp.auth", "true");
            String user = settings.user().get();
            String password = settings.password().orElse("");
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        this.session = Session.getInstance(properties, authenticator);
    }

    @Override
    public void send(Notification notification) {
        try {
            MimeMessage message = new IdentifiedMessage(session, "<" + notification.eventId() + "@orderflow>");
            message.setFrom(new InternetAddress(settings.from()));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(notification.recipient()));
            message.setSubject(notification.subject(), "UTF-8");
            message.setText(notification.body(), "UTF-8");
            message.setSentDate(new Date());
            Transport.send(message);
        } catch (SendFailedException refused) {
            // the server took the connection but refused the message or its addresses
            throw new NotificationFailed("Mail to " + notification.recipient() + " refused: " + refused.getMessage(), refused);
        } catch (MessagingException e) {
            // could not connect, log in or finish the conversation: the mail system is unavailable
            throw new ReceiverUnavailable("Mail server unavailable for " + notification.recipient() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String channel() {
        return "mail";
    }

    /** Keeps the Message-ID chosen here instead of a random one. */
    private static final class IdentifiedMessage extends MimeMessage {
        private final String messageId;

        IdentifiedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    public static final class NotificationFailed extends RuntimeException {
        public NotificationFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
