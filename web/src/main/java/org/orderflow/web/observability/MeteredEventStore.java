package org.orderflow.web.observability;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.List;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;
import org.orderflow.application.eventstore.AppendResult;
import org.orderflow.application.eventstore.Checkpoint;
import org.orderflow.application.eventstore.ConcurrencyConflict;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.application.eventstore.ExpectedVersion;
import org.orderflow.application.eventstore.NewEvent;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.application.eventstore.StreamId;

/**
 * The event store, timed: {@code orderflow_eventstore_append_seconds} (one per append call),
 * {@code orderflow_eventstore_appended_events_total}, {@code orderflow_eventstore_conflicts_total}
 * (appends refused by their expected version), {@code orderflow_eventstore_load_seconds} (reads of one
 * stream: aggregate loads, history) and {@code orderflow_eventstore_read_seconds} (pages of the
 * global log: projectors, the publisher's check, rebuilds' catch-up). A CDI decorator, so the store
 * itself knows nothing of metrics.
 */
@Decorator
@Dependent
@Priority(Interceptor.Priority.APPLICATION)
public abstract class MeteredEventStore implements EventStore {

    private static final Metadata APPEND = Metadata.builder().withName("orderflow.eventstore.append")
            .withDescription("Appends to the event store (one call, any number of events), successful or not").build();
    private static final Metadata APPENDED = Metadata.builder().withName("orderflow.eventstore.appended.events")
            .withDescription("Events appended to the event store").build();
    private static final Metadata CONFLICTS = Metadata.builder().withName("orderflow.eventstore.conflicts")
            .withDescription("Appends refused because the stream was not at the expected version").build();
    private static final Metadata LOAD = Metadata.builder().withName("orderflow.eventstore.load")
            .withDescription("Reads of one stream's events (aggregate loads, history pages)").build();
    private static final Metadata READ = Metadata.builder().withName("orderflow.eventstore.read")
            .withDescription("Reads of a page of the global log (projectors, rebuild catch-up)").build();

    @Inject
    @Delegate
    @Any
    EventStore store;

    @Inject
    MetricRegistry registry;

    /** The meters, looked up once: the store is called several times per command and per projector run. */
    private volatile Meters meters;

    private record Meters(Timer append, Counter appended, Counter conflicts, Timer load, Timer read) {
    }

    private Meters meters() {
        Meters resolved = meters;
        if (resolved == null) {
            resolved = new Meters(registry.timer(APPEND), registry.counter(APPENDED), registry.counter(CONFLICTS),
                    registry.timer(LOAD), registry.timer(READ));
            meters = resolved;
        }
        return resolved;
    }

    @Override
    public AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
        Timer.Context timing = meters().append().time();
        try {
            AppendResult result = store.append(stream, expected, events);
            meters().appended().inc(events.size());
            return result;
        } catch (ConcurrencyConflict conflict) {
            meters().conflicts().inc();
            throw conflict;
        } finally {
            timing.stop();
        }
    }

    @Override
    public List<RecordedEvent> load(StreamId stream, long afterVersion, int maxCount) {
        try (Timer.Context ignored = meters().load().time()) {
            return store.load(stream, afterVersion, maxCount);
        }
    }

    @Override
    public List<RecordedEvent> load(StreamId stream, long afterVersion) {
        try (Timer.Context ignored = meters().load().time()) {
            return store.load(stream, afterVersion);
        }
    }

    @Override
    public List<RecordedEvent> load(StreamId stream) {
        try (Timer.Context ignored = meters().load().time()) {
            return store.load(stream);
        }
    }

    @Override
    public List<RecordedEvent> readAll(Checkpoint after, int maxCount) {
        try (Timer.Context ignored = meters().read().time()) {
            return store.readAll(after, maxCount);
        }
    }
}
