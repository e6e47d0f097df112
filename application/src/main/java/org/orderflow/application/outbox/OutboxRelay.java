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
 * <p>
 * The back-off belongs to the publisher, not to a server: a failed round records a
 * {@link FailureStreak} under the same lock, and a round on any server that finds the streak's
 * pause still running sends nothing. So a broker outage is retried on one schedule however many
 * servers there are, instead of by each of them in turn.
 */
@ApplicationScoped
public class OutboxRelay {

    /**
     * What one round did. {@code locked} is false when another publisher held the lock;
     * {@code streak} is present while the publisher is failing (this round's failure, or an
     * earlier one whose pause kept this round from sending).
     */
    public record Round(boolean locked, int read, int published, Optional<RuntimeException> failure,
                        Optional<FailureStreak> streak) {

        static Round notLocked() {
            return new Round(false, 0, 0, Optional.empty(), Optional.empty());
        }
    }

    private Outbox outbox;
    private MessageTransport transport;
    private Clock clock;
    private OutboxSettings settings;

    protected OutboxRelay() {
        // for CDI proxies
    }

    @Inject
    public OutboxRelay(Outbox outbox, MessageTransport transport, Clock clock, OutboxSettings settings) {
        this.outbox = outbox;
        this.transport = transport;
        this.clock = clock;
        this.settings = settings;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Round publishNext(String publisher, int batchSize) {
        if (!outbox.tryLock(publisher)) {
            return Round.notLocked();
        }
        Optional<FailureStreak> streak = outbox.failureStreak(publisher);
        if (streak.isPresent() && streak.get().holdsBack(clock.instant())) {
            return new Round(true, 0, 0, Optional.empty(), streak);
        }
        List<OutboxRecord> batch = outbox.pending(publisher, batchSize);
        if (batch.isEmpty()) {
            return new Round(true, 0, 0, Optional.empty(), streak);
        }
        MessageTransport.Delivery delivery = transport.send(batch.stream().map(OutboxRecord::message).toList());
        if (delivery.sent() > 0) {
            outbox.markPublished(publisher, batch.get(delivery.sent() - 1).checkpoint(), delivery.sent(), clock.instant());
        }
        if (delivery.failure().isEmpty()) {
            return new Round(true, batch.size(), delivery.sent(), Optional.empty(), Optional.empty());
        }
        // events that went out end the old streak; the failure after them starts a new one
        FailureStreak failed = FailureStreak.after(delivery.sent() > 0 ? null : streak.orElse(null),
                delivery.failure().get(), clock.instant(), settings);
        outbox.recordFailure(publisher, failed);
        return new Round(true, batch.size(), delivery.sent(), delivery.failure(), Optional.of(failed));
    }
}
