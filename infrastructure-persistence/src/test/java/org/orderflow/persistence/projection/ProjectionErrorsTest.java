package org.orderflow.persistence.projection;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderflow.application.eventstore.EventMetadata;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.application.eventstore.ExpectedVersion;
import org.orderflow.application.eventstore.NewEvent;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.application.eventstore.StreamId;
import org.orderflow.application.projection.ProjectionErrors;
import org.orderflow.application.projection.ProjectionErrors.Status;
import org.orderflow.application.projection.FailedEventSteps;
import org.orderflow.application.projection.LiveBatches;
import org.orderflow.application.projection.Projectors;
import org.orderflow.application.projection.ProjectionRetries;
import org.orderflow.application.projection.ProjectionRunner;
import org.orderflow.application.projection.Projector;
import org.orderflow.application.projection.RetrySchedule;
import org.orderflow.application.projection.Segment;
import org.orderflow.domain.order.ItemAdded;
import org.orderflow.domain.order.OrderCreated;
import org.orderflow.persistence.eventstore.EventSerializer;
import org.orderflow.persistence.eventstore.JpaEventStore;
import org.orderflow.persistence.support.TestDatabase;

/**
 * A deliberately failing projector against the real store: failures are recorded and the
 * stream's later events parked while other streams flow; retries follow the backoff schedule
 * (on a clock the test moves, no sleeping); five failed retries make a dead letter; a manual
 * retry or a skip releases the parked events in order.
 */
class ProjectionErrorsTest {

    private static final String NAME = "failing-test-projector";
    private TestDatabase db;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T10:00:00Z"));
    /** Streams whose events the projector currently refuses. */
    private final Set<String> poisoned = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void createSchema() throws SQLException {
        db = TestDatabase.create();
        sql("CREATE TABLE projected (stream_id text NOT NULL, version bigint NOT NULL, PRIMARY KEY (stream_id, version))");
    }

    @AfterEach
    void dropSchema() {
        db.close();
    }

    /** Writes (stream, version) of every event it applies; fails for poisoned streams. */
    private Projector projector(EntityManager em) {
        return new Projector() {
            {
                on(OrderCreated.class, (event, envelope) -> write(envelope));
                on(ItemAdded.class, (event, envelope) -> write(envelope));
            }

            private void write(RecordedEvent envelope) {
                if (poisoned.contains(envelope.stream().id())) {
                    throw new IllegalStateException("poisoned " + envelope.stream().id() + " v" + envelope.streamVersion());
                }
                em.createNativeQuery("INSERT INTO projected VALUES (?1, ?2)")
                        .setParameter(1, envelope.stream().id())
                        .setParameter(2, envelope.streamVersion())
                        .executeUpdate();
            }

            @Override
            public String name() {
                return NAME;
            }

            @Override
            public void reset() {
                em.createNativeQuery("DELETE FROM projected").executeUpdate();
            }

            @Override
            public void reset(String tenantId, String streamId) {
            }
        };
    }

    private static EventStore store(EntityManager em) {
        return new JpaEventStore(em, Clock.systemUTC(), new EventSerializer());
    }

    private LiveBatches batchesIn(EntityManager em) {
        return new LiveBatches(store(em), new JpaProjectionCheckpoints(em), new JpaProjectionErrors(em), RetrySchedule.DEFAULT,
                clock);
    }

    private FailedEventSteps failedEventStepsIn(EntityManager em) {
        return new FailedEventSteps(new Projectors(List.of(projector(em))), store(em), new JpaProjectionCheckpoints(em),
                new JpaProjectionErrors(em), RetrySchedule.DEFAULT, clock);
    }

    /** The live steps as the container gives them: every call its own transaction, with a projector bound to it. */
    private LiveBatches transactionalBatches() {
        return new LiveBatches(null, null, null, RetrySchedule.DEFAULT, clock) {
            private <T> T tx(java.util.function.BiFunction<LiveBatches, Projector, T> call) {
                return db.inTransaction(em -> call.apply(batchesIn(em), projector(em)));
            }

            @Override
            public BatchResult runBatch(Projector p, int batchSize) {
                return tx((b, bound) -> b.runBatch(bound, batchSize));
            }

            @Override
            public BatchResult runBatch(Projector p, Segment segment, int batchSize, Duration wait) {
                return tx((b, bound) -> b.runBatch(bound, segment, batchSize, wait));
            }

            @Override
            public void initializeSegments(Projector p) {
                tx((b, bound) -> {
                    b.initializeSegments(bound);
                    return null;
                });
            }

            @Override
            public List<RecordedEvent> peek(Segment segment, int max) {
                return tx((b, bound) -> b.peek(segment, max));
            }

            @Override
            public boolean applyOne(Projector p, Segment segment, RecordedEvent event) {
                return tx((b, bound) -> b.applyOne(bound, segment, event));
            }

            @Override
            public boolean recordFailure(Projector p, Segment segment, RecordedEvent event, Throwable failure) {
                return tx((b, bound) -> b.recordFailure(bound, segment, event, failure));
            }
        };
    }

    /** The failed-event steps as the container gives them: every call its own transaction. */
    private FailedEventSteps transactionalFailedEventSteps() {
        return new FailedEventSteps(projectors(), null, null, null, RetrySchedule.DEFAULT, clock) {
            private <T> T tx(java.util.function.BiFunction<FailedEventSteps, Projector, T> call) {
                return db.inTransaction(em -> call.apply(failedEventStepsIn(em), projector(em)));
            }

            @Override
            public boolean retry(ProjectionErrors.Failure failure, String by) {
                return tx((steps, bound) -> steps.retry(failure, by));
            }

            @Override
            public void retryFailed(ProjectionErrors.Failure failure, Throwable again) {
                tx((steps, bound) -> {
                    steps.retryFailed(failure, again);
                    return null;
                });
            }

            @Override
            public void skip(ProjectionErrors.Failure failure, String by, String why) {
                tx((steps, bound) -> {
                    steps.skip(failure, by, why);
                    return null;
                });
            }

            @Override
            public Optional<Long> releaseNext(Projector p, StreamId stream) {
                return tx((steps, bound) -> steps.releaseNext(bound, stream));
            }

            @Override
            public void parkedFailed(Projector p, StreamId stream, long version, Throwable failure) {
                tx((steps, bound) -> {
                    steps.parkedFailed(bound, stream, version, failure);
                    return null;
                });
            }
        };
    }

    private Projectors projectors() {
        return new Projectors(List.of(projector(null)));
    }

    private ProjectionErrors errors() {
        return new ProjectionErrors() {
            private <T> T tx(Function<ProjectionErrors, T> call) {
                return db.inTransaction(em -> call.apply(new JpaProjectionErrors(em)));
            }

            public Set<StreamId> blockedStreams(String p) { return tx(e -> e.blockedStreams(p)); }
            public boolean hasOpenError(String p, StreamId s) { return tx(e -> e.hasOpenError(p, s)); }
            public Optional<Unapplied> firstUnappliedUpTo(String p, String t, String s, long position) { return tx(e -> e.firstUnappliedUpTo(p, t, s, position)); }
            public void clear(String p) { tx(e -> { e.clear(p); return null; }); }
            public long record(String p, RecordedEvent ev, Throwable t, Instant n, Instant now) { return tx(e -> e.record(p, ev, t, n, now)); }
            public void park(String p, RecordedEvent ev) { tx(e -> { e.park(p, ev); return null; }); }
            public List<Long> parkedVersions(String p, StreamId s) { return tx(e -> e.parkedVersions(p, s)); }
            public List<ParkedStream> strandedParkedStreams(int limit) { return tx(e -> e.strandedParkedStreams(limit)); }
            public void unpark(String p, StreamId s, long v) { tx(e -> { e.unpark(p, s, v); return null; }); }
            public List<Failure> due(Instant now, int limit) { return tx(e -> e.due(now, limit)); }
            public Optional<Failure> find(long id) { return tx(e -> e.find(id)); }
            public List<Failure> list(String p, Status s, Optional<String> t, int limit) { return tx(e -> e.list(p, s, t, limit)); }
            public void retryFailed(long id, int c, Instant n, String m, Instant now) { tx(e -> { e.retryFailed(id, c, n, m, now); return null; }); }
            public void close(long id, Status s, String by, String note, Instant now) { tx(e -> { e.close(id, s, by, note, now); return null; }); }
        };
    }

    private StreamId order(int items) {
        return order(StreamId.DEFAULT_TENANT, items);
    }

    private StreamId order(String tenant, int items) {
        UUID id = UUID.randomUUID();
        StreamId stream = new StreamId(tenant, "Order", id.toString());
        List<NewEvent> events = new ArrayList<>();
        events.add(new NewEvent(UUID.randomUUID(), new OrderCreated(id, "c", null, null), EventMetadata.EMPTY));
        for (int i = 0; i < items; i++) {
            events.add(new NewEvent(UUID.randomUUID(), new ItemAdded(id, UUID.randomUUID(), "i", null, 1, 1), EventMetadata.EMPTY));
        }
        db.run(em -> store(em).append(stream, ExpectedVersion.noStream(), events));
        return stream;
    }

    /** A stream whose first event fails in the projector (poisoned) and whose next two are parked behind it. */
    private StreamId aFailedStreamWithTwoParkedEvents() {
        StreamId stream = order(0);
        poisoned.add(stream.id());
        catchUp();
        addItem(stream);
        addItem(stream);
        catchUp();
        return stream;
    }

    private void addItem(StreamId stream) {
        db.run(em -> store(em).append(stream, ExpectedVersion.any(), List.of(new NewEvent(UUID.randomUUID(),
                new ItemAdded(UUID.fromString(stream.id()), UUID.randomUUID(), "i", null, 1, 1), EventMetadata.EMPTY))));
    }

    private List<Long> projected(StreamId stream) throws SQLException {
        List<Long> versions = new ArrayList<>();
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM projected WHERE stream_id = '" + stream.id() + "' ORDER BY version")) {
            while (rs.next()) {
                versions.add(rs.getLong(1));
            }
        }
        return versions;
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private void catchUp() {
        Projectors projectors = projectors();
        new ProjectionRunner(transactionalBatches(), projectors).catchUp(projectors.all().get(0), 50, 100);
    }

    private ProjectionRetries retries() {
        return new ProjectionRetries(projectors(), transactionalFailedEventSteps(), errors(), clock);
    }

    @Test
    void a_failing_event_is_recorded_its_stream_parked_and_other_streams_flow() throws SQLException {
        StreamId healthy = order(2);
        StreamId poisonedStream = order(1);
        poisoned.add(poisonedStream.id());
        addItem(poisonedStream);
        addItem(healthy);

        catchUp();

        assertThat(projected(healthy)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(projected(poisonedStream)).isEmpty();
        List<ProjectionErrors.Failure> open = errors().list(NAME, Status.RETRY_PENDING, 10);
        assertThat(open).singleElement().satisfies(failure -> {
            assertThat(failure.stream()).isEqualTo(poisonedStream);
            assertThat(failure.streamVersion()).isEqualTo(1);
            assertThat(failure.eventType()).isEqualTo("OrderCreated");
            assertThat(failure.message()).contains("poisoned");
            assertThat(failure.stackSummary()).contains("IllegalStateException");
            assertThat(failure.retryCount()).isZero();
            assertThat(failure.nextRetryAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
            assertThat(failure.parked()).isEqualTo(2);
        });
        assertThat(errors().parkedVersions(NAME, poisonedStream)).containsExactly(2L, 3L);
    }

    @Test
    void a_tenants_failures_are_listed_for_that_tenant_only_and_all_of_them_without_a_tenant() {
        // given a failure in the default tenant and one in another tenant
        StreamId ours = order(0);
        StreamId theirs = order("globex", 0);
        poisoned.add(ours.id());
        poisoned.add(theirs.id());
        // when
        catchUp();
        // then
        assertThat(errors().list(NAME, null, Optional.of("globex"), 10)).extracting(ProjectionErrors.Failure::stream)
                .containsExactly(theirs);
        assertThat(errors().list(NAME, null, Optional.of(StreamId.DEFAULT_TENANT), 10))
                .extracting(ProjectionErrors.Failure::stream).containsExactly(ours);
        assertThat(errors().list(NAME, null, Optional.of("nobody"), 10)).isEmpty();
        assertThat(errors().list(NAME, null, 10)).extracting(ProjectionErrors.Failure::stream)
                .containsExactlyInAnyOrder(ours, theirs);
    }

    @Test
    void retries_follow_the_backoff_schedule_and_the_fifth_failed_retry_makes_a_dead_letter() {
        StreamId stream = order(0);
        poisoned.add(stream.id());
        catchUp();
        ProjectionRetries retries = retries();
        List<Duration> expectedDelays = List.of(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1),
                Duration.ofHours(6));

        assertThat(retries.runDue(10)).as("not due before a minute").isZero();
        clock.advance(Duration.ofMinutes(1));
        for (int retry = 1; retry <= 5; retry++) {
            assertThat(retries.runDue(10)).as("retry %d is due", retry).isEqualTo(1);
            ProjectionErrors.Failure failure = errors().list(NAME, null, 1).get(0);
            assertThat(failure.retryCount()).isEqualTo(retry);
            if (retry < 5) {
                assertThat(failure.status()).isEqualTo(Status.RETRY_PENDING);
                Duration delay = expectedDelays.get(retry - 1);
                assertThat(failure.nextRetryAt()).isEqualTo(clock.instant().plus(delay));
                clock.advance(delay.minusSeconds(1));
                assertThat(retries.runDue(10)).as("not due a second early").isZero();
                clock.advance(Duration.ofSeconds(1));
            } else {
                assertThat(failure.status()).isEqualTo(Status.DEAD);
                assertThat(failure.nextRetryAt()).isNull();
            }
        }
        clock.advance(Duration.ofDays(30));
        assertThat(retries.runDue(10)).as("a dead letter waits for an operator").isZero();
    }

    @Test
    void a_successful_manual_retry_releases_the_parked_events_in_order() throws SQLException {
        StreamId stream = aFailedStreamWithTwoParkedEvents();
        assertThat(errors().parkedVersions(NAME, stream)).containsExactly(2L, 3L);
        ProjectionErrors.Failure open = errors().list(NAME, Status.RETRY_PENDING, 1).get(0);
        long id = open.id();
        // read-your-writes asks: is anything up to a position unapplied?
        assertThat(errors().firstUnappliedUpTo(NAME, stream.tenantId(), null, open.position() - 1)).as("before the failed event").isEmpty();
        assertThat(errors().firstUnappliedUpTo(NAME, stream.tenantId(), stream.id(), open.position())).hasValueSatisfying(unapplied -> {
            assertThat(unapplied.stream()).isEqualTo(stream);
            assertThat(unapplied.streamVersion()).isEqualTo(1);
            assertThat(unapplied.status()).isEqualTo(Status.RETRY_PENDING);
            assertThat(unapplied.nextRetryAt()).isEqualTo(open.nextRetryAt());
        });
        assertThat(errors().firstUnappliedUpTo(NAME, stream.tenantId(), null, Long.MAX_VALUE)).as("the parked events too").isPresent();
        assertThat(errors().firstUnappliedUpTo(NAME, "another-tenant", null, Long.MAX_VALUE)).as("not another tenant's").isEmpty();
        assertThat(errors().firstUnappliedUpTo(NAME, stream.tenantId(), "another-stream", Long.MAX_VALUE)).as("not another stream's")
                .isEmpty();

        poisoned.clear();
        assertThat(retries().retry(id, "ana")).contains(ProjectionRetries.Outcome.RESOLVED);
        assertThat(errors().firstUnappliedUpTo(NAME, stream.tenantId(), null, Long.MAX_VALUE)).as("all applied after the retry")
                .isEmpty();

        assertThat(projected(stream)).containsExactly(1L, 2L, 3L);
        assertThat(errors().parkedVersions(NAME, stream)).isEmpty();
        assertThat(errors().find(id).orElseThrow().status()).isEqualTo(Status.RESOLVED);
        assertThat(errors().find(id).orElseThrow().resolvedBy()).as("the operator who retried it").isEqualTo("ana");
        addItem(stream);
        catchUp();
        assertThat(projected(stream)).as("the stream flows again").containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void parked_events_left_behind_by_an_interrupted_release_are_released_by_the_next_retry_scan() throws SQLException {
        // given a stream whose error was resolved but whose parked events were not released (the server stopped)
        StreamId stream = aFailedStreamWithTwoParkedEvents();
        long id = errors().list(NAME, Status.RETRY_PENDING, 1).get(0).id();
        poisoned.clear();
        assertThat(transactionalFailedEventSteps().retry(errors().find(id).orElseThrow(), ProjectionRetries.SCHEDULE)).isTrue();
        assertThat(errors().strandedParkedStreams(10)).containsExactly(new ProjectionErrors.ParkedStream(NAME, stream));
        assertThat(projected(stream)).containsExactly(1L);

        // when the retry scan runs (nothing is due)
        retries().runDue(10);

        // then the parked events are applied in order and the stream flows again
        assertThat(projected(stream)).containsExactly(1L, 2L, 3L);
        assertThat(errors().strandedParkedStreams(10)).isEmpty();
        addItem(stream);
        catchUp();
        assertThat(projected(stream)).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void retrying_all_dead_letters_of_a_projector_and_skipping_one_with_a_reason() throws SQLException {
        StreamId first = order(0);
        StreamId second = order(1);
        poisoned.add(first.id());
        poisoned.add(second.id());
        catchUp();
        for (ProjectionErrors.Failure failure : errors().list(NAME, Status.RETRY_PENDING, 10)) {
            db.run(em -> new JpaProjectionErrors(em).retryFailed(failure.id(), 5, null, "gave up", clock.instant()));
        }
        long secondError = errors().list(NAME, Status.DEAD, 10).stream()
                .filter(f -> f.stream().equals(second)).findFirst().orElseThrow().id();

        poisoned.remove(first.id());
        assertThat(retries().retryDead(NAME, "bob")).isEqualTo(1);
        assertThat(retries().skip(secondError, "alice", "bad data from the 2024 import")).isTrue();

        assertThat(projected(first)).containsExactly(1L);
        assertThat(errors().list(NAME, Status.RESOLVED, 10)).singleElement()
                .satisfies(resolved -> assertThat(resolved.resolvedBy()).isEqualTo("bob"));
        ProjectionErrors.Failure skipped = errors().find(secondError).orElseThrow();
        assertThat(skipped.status()).isEqualTo(Status.SKIPPED);
        assertThat(skipped.resolvedBy()).isEqualTo("alice");
        assertThat(skipped.resolution()).isEqualTo("bad data from the 2024 import");
        assertThat(errors().parkedVersions(NAME, second)).isEmpty();
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
