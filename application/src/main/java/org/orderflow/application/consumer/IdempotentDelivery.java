package org.orderflow.application.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.orderflow.application.outbox.IntegrationEvent;

/**
 * Delivers an event to a consumer with deduplication by event id: the inbox entry and the
 * consumer's database effect commit together (in the message's transaction when the caller has
 * one), or neither does — so a database effect happens exactly once. An effect outside the
 * database (a webhook call, an e-mail) is at least once: it runs before the transaction commits,
 * and a crash or rollback after it brings the message back. Those receivers deduplicate by the
 * event id, which every effect carries (the webhook's {@code Idempotency-Key}, the mail's
 * {@code Message-ID}).
 */
@ApplicationScoped
public class IdempotentDelivery {

    /** What happened to one delivery. */
    public enum Result { PROCESSED, DUPLICATE, NOT_ACCEPTED }

    private Inbox inbox;
    private Clock clock;

    protected IdempotentDelivery() {
        // for CDI proxies
    }

    @Inject
    public IdempotentDelivery(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Result deliver(EventConsumer consumer, IntegrationEvent event) {
        if (!consumer.accepts(event)) {
            return Result.NOT_ACCEPTED;
        }
        if (!inbox.claim(consumer.name(), event, clock.instant())) {
            return Result.DUPLICATE;
        }
        inbox.recordOutcome(consumer.name(), event, consumer.handle(event));
        return Result.PROCESSED;
    }
}
