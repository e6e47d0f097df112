package org.orderflow.web.schedule;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orderflow.application.command.IdempotencyRetention;

/**
 * Every 15 minutes, forgets idempotency keys older than {@code orderflow.idempotency.retention-hours}
 * (default 24): a client retrying later than that gets a new command, as with any API that keeps
 * keys for a day.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IdempotencyKeyCleanup {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyCleanup.class.getName());

    @Inject
    IdempotencyRetention retention;

    @Inject
    @ConfigProperty(name = "orderflow.idempotency.retention-hours", defaultValue = "24")
    long retentionHours;

    @Schedule(minute = "*/15", hour = "*", persistent = false)
    void purge() {
        int purged = retention.purge(Duration.ofHours(retentionHours));
        if (purged > 0) {
            LOG.info(() -> "Forgot " + purged + " idempotency keys older than " + retentionHours + " h");
        }
    }
}
