package org.orderflow.messaging.notify;

import java.time.Duration;
import java.util.Optional;

/**
 * Where and how notification mail is sent.
 *
 * @param host     the SMTP host; empty selects the log-only notifier
 * @param starttls whether to require STARTTLS
 */
public record MailSettings(Optional<String> host, int port, String from, Optional<String> user,
                           Optional<String> password, boolean starttls, Duration timeout) {
}
