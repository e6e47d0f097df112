package org.orderflow.application.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.orderflow.application.eventstore.Checkpoint;

/**
 * The polling publisher's rules with an in-memory outbox and a broker that can be switched off:
 * the cursor only passes what the broker took, failures back off (doubling, capped) and the
 * backlog goes out in order once the broker is back.
 */
class OutboxPublisherTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final SwitchableBroker broker = new SwitchableBroker();
    private final OutboxSettings settings = new OutboxSettings("test", 3, 10, Duration.ofMillis(500), Duration.ofSeconds(4));
    private final OutboxPublisher publisher = aServer();

    @Test
    void given_a_backlog_when_the_publisher_runs_then_everything_goes_out_in_log_order_in_batches() {
        outbox.store(7);

        OutboxPublisher.Run run = publisher.publishAvailable();

        assertThat(run.published()).isEqualTo(7);
        assertThat(run.rounds()).isEqualTo(3);
        assertThat(broker.received).extracting(IntegrationEvent::globalPosition).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(outbox.cursor).isEqualTo(new Checkpoint(1, 7));
    }

    @Test
    void given_the_broker_fails_mid_batch_when_the_publisher_runs_then_the_cursor_stops_at_the_last_accepted_event() {
        outbox.store(3);
        broker.acceptOnly(2);

        OutboxPublisher.Run run = publisher.publishAvailable();

        assertThat(run.inBackoff()).isTrue();
        assertThat(run.published()).isEqualTo(2);
        assertThat(outbox.cursor).isEqualTo(new Checkpoint(1, 2));
        PublisherHealth.Snapshot health = publisher.health();
        assertThat(health.consecutiveFailures()).isEqualTo(1);
        assertThat(health.lastError()).hasValueSatisfying(e -> assertThat(e).contains("broker down"));
        assertThat(health.nextAttemptAt()).contains(clock.instant().plusMillis(500));
    }

    @Test
    void given_the_broker_stays_down_when_the_publisher_keeps_trying_then_it_backs_off_doubling_up_to_the_maximum() {
        outbox.store(1);
        broker.acceptOnly(0);
        List<Duration> waits = new ArrayList<>();

        for (int attempt = 0; attempt < 6; attempt++) {
            publisher.publishAvailable();
            Instant next = publisher.health().nextAttemptAt().orElseThrow();
            waits.add(Duration.between(clock.instant(), next));
            assertThat(publisher.publishAvailable().rounds()).as("nothing is tried before the backoff expires").isZero();
            clock.set(next);
        }

        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(4));
        assertThat(broker.received).isEmpty();
    }

    @Test
    void given_a_backlog_built_while_the_broker_was_down_when_it_is_back_then_the_backlog_goes_out_in_order_and_health_recovers() {
        outbox.store(2);
        broker.acceptOnly(0);
        publisher.publishAvailable();
        outbox.store(3);
        broker.acceptAll();
        clock.set(publisher.health().nextAttemptAt().orElseThrow());

        OutboxPublisher.Run run = publisher.publishAvailable();

        assertThat(run.published()).isEqualTo(5);
        assertThat(broker.received).extracting(IntegrationEvent::globalPosition).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(publisher.health().failing()).isFalse();
        assertThat(publisher.health().totalFailures()).isEqualTo(1);
    }

    @Test
    void given_another_publisher_holds_the_lock_when_this_one_runs_then_it_sends_nothing_and_is_not_failing() {
        outbox.store(2);
        outbox.lockedElsewhere = true;

        OutboxPublisher.Run run = publisher.publishAvailable();

        assertThat(run.published()).isZero();
        assertThat(broker.received).isEmpty();
        assertThat(publisher.health().failing()).isFalse();
    }

    @Test
    void given_one_server_failed_to_send_when_another_server_takes_the_lock_then_it_waits_for_the_same_backoff() {
        outbox.store(2);
        broker.acceptOnly(0);
        OutboxPublisher other = aServer();
        publisher.publishAvailable();
        Instant retryAt = publisher.health().nextAttemptAt().orElseThrow();

        OutboxPublisher.Run run = other.publishAvailable();

        assertThat(run.inBackoff()).as("the other server sends nothing during the shared pause").isTrue();
        assertThat(run.published()).isZero();
        assertThat(other.health().failing()).isTrue();
        assertThat(other.health().nextAttemptAt()).contains(retryAt);
        assertThat(other.health().totalFailures()).as("it failed nothing itself").isZero();
    }

    @Test
    void given_servers_take_turns_at_a_broker_that_stays_down_then_the_pause_doubles_across_them() {
        outbox.store(1);
        broker.acceptOnly(0);
        OutboxPublisher other = aServer();
        List<Duration> waits = new ArrayList<>();

        for (int attempt = 0; attempt < 4; attempt++) {
            OutboxPublisher turn = attempt % 2 == 0 ? publisher : other;
            turn.publishAvailable();
            Instant next = outbox.streak.retryAt();
            waits.add(Duration.between(clock.instant(), next));
            clock.set(next);
        }

        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(outbox.streak.failures()).isEqualTo(4);
    }

    @Test
    void given_the_publisher_was_failing_when_any_server_sends_again_then_the_streak_ends_for_every_server() {
        outbox.store(1);
        broker.acceptOnly(0);
        OutboxPublisher other = aServer();
        publisher.publishAvailable();
        broker.acceptAll();
        clock.set(publisher.health().nextAttemptAt().orElseThrow());

        other.publishAvailable();
        publisher.publishAvailable();

        assertThat(broker.received).hasSize(1);
        assertThat(outbox.streak).isNull();
        assertThat(outbox.status("test").failing()).isEmpty();
        assertThat(publisher.health().failing()).isFalse();
        assertThat(other.health().failing()).isFalse();
    }

    /** The publisher as one more server runs it: a health of its own, the shared outbox and broker. */
    private OutboxPublisher aServer() {
        return new OutboxPublisher(new OutboxRelay(outbox, broker, clock, settings), settings, clock);
    }

    /** An outbox over a list, one transaction id, positions 1, 2, 3, … */
    private static final class InMemoryOutbox implements Outbox {
        final List<OutboxRecord> log = new ArrayList<>();
        Checkpoint cursor = Checkpoint.START;
        FailureStreak streak;
        boolean lockedElsewhere;

        void store(int count) {
            for (int i = 0; i < count; i++) {
                long position = log.size() + 1;
                log.add(new OutboxRecord(new Checkpoint(1, position), new IntegrationEvent(UUID.randomUUID(), "OrderCreated", 1,
                        "default", "Order", "o-" + position, 1, position, Instant.EPOCH, null, null, "{}")));
            }
        }

        @Override
        public boolean tryLock(String publisher) {
            return !lockedElsewhere;
        }

        @Override
        public List<OutboxRecord> pending(String publisher, int max) {
            return log.stream().filter(r -> r.checkpoint().isAfter(cursor)).limit(max).toList();
        }

        @Override
        public void markPublished(String publisher, Checkpoint upTo, int count, Instant at) {
            cursor = upTo;
            streak = null;
        }

        @Override
        public Optional<FailureStreak> failureStreak(String publisher) {
            return Optional.ofNullable(streak);
        }

        @Override
        public void recordFailure(String publisher, FailureStreak streak) {
            this.streak = streak;
        }

        @Override
        public Status status(String publisher) {
            return new Status(publisher, cursor, 0, Optional.empty(), pending(publisher, Integer.MAX_VALUE).size(), Duration.ZERO,
                    failureStreak(publisher));
        }
    }

    /** Accepts all messages, or only the next n and then fails like a broker that went away. */
    private static final class SwitchableBroker implements MessageTransport {
        final List<IntegrationEvent> received = new ArrayList<>();
        int budget = Integer.MAX_VALUE;

        void acceptOnly(int n) {
            budget = n;
        }

        void acceptAll() {
            budget = Integer.MAX_VALUE;
        }

        @Override
        public Delivery send(List<IntegrationEvent> messages) {
            int sent = 0;
            for (IntegrationEvent message : messages) {
                if (budget == 0) {
                    return Delivery.partial(sent, new IllegalStateException("broker down"));
                }
                if (budget != Integer.MAX_VALUE) {
                    budget--;
                }
                received.add(message);
                sent++;
            }
            return Delivery.all(sent);
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
