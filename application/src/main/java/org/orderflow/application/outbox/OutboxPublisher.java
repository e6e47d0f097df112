package org.orderflow.application.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The polling publisher: each call publishes rounds while full batches keep coming (bounded per
 * call), unless a failure put it in backoff. Broker or database failures never reach the caller:
 * they are counted, logged once per failure streak, and retried after the backoff.
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class.getName());

    /** What one call did. */
    public record Run(int rounds, int published, boolean inBackoff) {
    }

    private OutboxRelay relay;
    private OutboxSettings settings;
    private Clock clock;
    private PublisherHealth health;

    protected OutboxPublisher() {
        // for CDI proxies
    }

    @Inject
    public OutboxPublisher(OutboxRelay relay, OutboxSettings settings, Clock clock) {
        this.relay = relay;
        this.settings = settings;
        this.clock = clock;
        this.health = new PublisherHealth(settings.initialBackoff(), settings.maxBackoff());
    }

    public String name() {
        return settings.publisherName();
    }

    public PublisherHealth.Snapshot health() {
        return health.snapshot();
    }

    public Run publishAvailable() {
        if (!health.due(clock.instant())) {
            return new Run(0, 0, true);
        }
        int rounds = 0;
        int published = 0;
        while (rounds < settings.maxRoundsPerRun()) {
            OutboxRelay.Round round;
            try {
                round = relay.publishNext(settings.publisherName(), settings.batchSize());
            } catch (RuntimeException e) {
                backOff(0, e);
                return new Run(rounds, published, true);
            }
            rounds++;
            published += round.published();
            if (round.failure().isPresent()) {
                backOff(round.published(), round.failure().get());
                return new Run(rounds, published, true);
            }
            if (round.published() > 0 || health.snapshot().failing()) {
                health.succeeded(round.published(), clock.instant());
            }
            if (!round.locked() || round.read() < settings.batchSize()) {
                break;
            }
        }
        return new Run(rounds, published, false);
    }

    private void backOff(int published, RuntimeException error) {
        boolean firstOfStreak = !health.snapshot().failing();
        Duration delay = health.failed(published, error, clock.instant());
        if (firstOfStreak) {
            LOG.log(Level.WARNING, "Outbox publisher " + settings.publisherName() + " failed; retrying with backoff", error);
        } else {
            LOG.warning(() -> "Outbox publisher " + settings.publisherName() + " still failing (" + error
                    + "); next attempt in " + delay.toMillis() + " ms");
        }
    }
}
