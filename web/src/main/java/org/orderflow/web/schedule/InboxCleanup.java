package org.orderflow.web.schedule;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orderflow.application.consumer.Inbox;

/**
 * Every hour, forgets consumer inbox entries older than {@code orderflow.consumers.inbox-retention-hours}
 * (default 168 = 7 days). A message redelivered later than that would take effect again, so the
 * retention must exceed how long a message can wait in the broker or the dead-letter queue.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class InboxCleanup {

    private static final Logger LOG = Logger.getLogger(InboxCleanup.class.getName());

    @Inject
    Inbox inbox;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "orderflow.consumers.inbox-retention-hours", defaultValue = "168")
    long retentionHours;

    @Schedule(minute = "7", hour = "*", persistent = false)
    void purge() {
        int purged = inbox.purgeProcessedBefore(clock.instant().minus(Duration.ofHours(retentionHours)));
        if (purged > 0) {
            LOG.info(() -> "Forgot " + purged + " consumer inbox entries older than " + retentionHours + " h");
        }
    }
}
