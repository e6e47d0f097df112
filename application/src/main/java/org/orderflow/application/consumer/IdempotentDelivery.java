package org.orderflow.application.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.orderflow.application.outbox.IntegrationEvent;

/**
 * Delivers an event to a consumer at most once in effect: the inbox entry and the consumer's
 * effect commit together (in the message's transaction when the caller has one), or neither does.
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
