package org.orderflow.application.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * One publishing round in one database transaction: lock, read the next batch after the cursor,
 * hand it to the broker (outside the transaction), move the cursor past what the broker took.
 * A crash after a send and before the commit sends those events again next time (at least once;
 * consumers deduplicate on the event id). A send failure keeps the cursor at the last accepted
 * event, so the next round starts exactly there and the stream order is kept.
 */
@ApplicationScoped
public class OutboxRelay {

    /** What one round did. {@code locked} is false when another publisher held the lock. */
    public record Round(boolean locked, int read, int published, Optional<RuntimeException> failure) {

        static Round notLocked() {
            return new Round(false, 0, 0, Optional.empty());
        }
    }

    private Outbox outbox;
    private MessageTransport transport;
    private Clock clock;

    protected OutboxRelay() {
        // for CDI proxies
    }

    @Inject
    public OutboxRelay(Outbox outbox, MessageTransport transport, Clock clock) {
        this.outbox = outbox;
        this.transport = transport;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Round publishNext(String publisher, int batchSize) {
        if (!outbox.tryLock(publisher)) {
            return Round.notLocked();
        }
        List<OutboxRecord> batch = outbox.pending(publisher, batchSize);
        if (batch.isEmpty()) {
            return new Round(true, 0, 0, Optional.empty());
        }
        MessageTransport.Delivery delivery = transport.send(batch.stream().map(OutboxRecord::message).toList());
        if (delivery.sent() > 0) {
            outbox.markPublished(publisher, batch.get(delivery.sent() - 1).checkpoint(), delivery.sent(), clock.instant());
        }
        return new Round(true, batch.size(), delivery.sent(), delivery.failure());
    }
}
