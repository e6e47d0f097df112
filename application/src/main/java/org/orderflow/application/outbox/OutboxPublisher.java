package org.orderflow.application.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The polling publisher: each call publishes rounds while full batches keep coming (bounded per
 * call), unless a failure put it in backoff. Broker or database failures never reach the caller:
 * they are counted, logged (with the stack on the first of a streak), and retried after the
 * backoff. The backoff of a broker failure is the publisher's, shared by every server
 * ({@link FailureStreak}); only a database failure, which cannot be recorded, backs off one server.
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
        this.health = new PublisherHealth();
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
                // the database failed: no shared streak can be written, so this server backs off on its own
                FailureStreak streak = FailureStreak.after(health.streak().orElse(null), e, clock.instant(), settings);
                health.failed(0, streak);
                log(streak, e);
                return new Run(rounds, published, true);
            }
            rounds++;
            published += round.published();
            if (round.failure().isPresent()) {
                FailureStreak streak = round.streak().orElseThrow();
                health.failed(round.published(), streak);
                log(streak, round.failure().get());
                return new Run(rounds, published, true);
            }
            if (round.streak().isPresent()) {
                health.waiting(round.streak().get());
                if (round.streak().get().holdsBack(clock.instant())) {
                    return new Run(rounds, published, true);
                }
                break;
            }
            if (round.locked() && (round.published() > 0 || health.snapshot().failing())) {
                health.succeeded(round.published(), clock.instant());
            }
            if (!round.locked() || round.read() < settings.batchSize()) {
                break;
            }
        }
        return new Run(rounds, published, false);
    }

    private void log(FailureStreak streak, RuntimeException error) {
        long delay = Math.max(0, streak.retryAt().toEpochMilli() - streak.lastFailureAt().toEpochMilli());
        if (streak.failures() == 1) {
            LOG.log(Level.WARNING, "Outbox publisher " + settings.publisherName() + " failed; retrying with backoff", error);
        } else {
            LOG.warning(() -> "Outbox publisher " + settings.publisherName() + " still failing (" + streak.failures()
                    + " in a row: " + error + "); next attempt in " + delay + " ms");
        }
    }
}
