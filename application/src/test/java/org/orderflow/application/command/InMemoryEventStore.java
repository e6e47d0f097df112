package org.orderflow.application.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.orderflow.application.eventstore.AppendResult;
import org.orderflow.application.eventstore.Checkpoint;
import org.orderflow.application.eventstore.ConcurrencyConflict;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.application.eventstore.ExpectedVersion;
import org.orderflow.application.eventstore.NewEvent;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.application.eventstore.StreamId;

/**
 * The event store port in memory, with the same version rules as the real one, and hooks that
 * let a test act as a concurrent writer: {@link #beforeNextAppend} runs just before an append
 * checks its expected version (the moment a real race is lost).
 */
final class InMemoryEventStore implements EventStore {

    private final Map<StreamId, List<RecordedEvent>> streams = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final List<Consumer<InMemoryEventStore>> beforeAppend = new ArrayList<>();
    private long position;

    /** Runs {@code writer} once, right before the next append checks its expected version. */
    void beforeNextAppend(Consumer<InMemoryEventStore> writer) {
        beforeAppend.add(writer);
    }

    /** Runs {@code writer} before every append from now on: a writer that always wins the race. */
    void beforeEveryAppend(Consumer<InMemoryEventStore> writer) {
        beforeAppend.add(new Consumer<>() {
            @Override
            public void accept(InMemoryEventStore store) {
                writer.accept(store);
                beforeAppend.add(this);
            }
        });
    }

    /** What the store was asked, in order: {@code lock <stream>}, {@code load <stream>}, {@code append <stream>}. */
    List<String> calls() {
        return calls;
    }

    @Override
    public void lockStream(StreamId stream) {
        calls.add("lock " + stream.id());
    }

    @Override
    public AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
        calls.add("append " + stream.id());
        if (!beforeAppend.isEmpty()) {
            List<Consumer<InMemoryEventStore>> hooks = List.copyOf(beforeAppend);
            beforeAppend.clear();
            hooks.forEach(hook -> hook.accept(this));
        }
        return appendNow(stream, expected, events);
    }

    /** An append by "another writer" (no hooks, not recorded as a call). */
    AppendResult appendNow(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
        List<RecordedEvent> stored = streams.computeIfAbsent(stream, s -> new ArrayList<>());
        long current = stored.size();
        if (!expected.accepts(current)) {
            throw new ConcurrencyConflict(stream, expected, OptionalLong.of(current));
        }
        long first = position + 1;
        for (NewEvent event : events) {
            position++;
            stored.add(new RecordedEvent(position, position, event.eventId(), stream, stored.size() + 1L,
                    event.event().getClass().getSimpleName(), 1, event.event(), event.metadata(), Instant.EPOCH));
        }
        return new AppendResult(stored.size(), first, position);
    }

    @Override
    public List<RecordedEvent> load(StreamId stream, long afterVersion, int maxCount) {
        calls.add("load " + stream.id());
        return streams.getOrDefault(stream, List.of()).stream()
                .filter(e -> e.streamVersion() > afterVersion).limit(maxCount).toList();
    }

    @Override
    public long currentVersion(StreamId stream) {
        return streams.getOrDefault(stream, List.of()).size();
    }

    @Override
    public List<StreamId> streams(StreamId after, int limit) {
        return streams.keySet().stream().limit(limit).toList();
    }

    @Override
    public long streamCount() {
        return streams.size();
    }

    @Override
    public long eventCount() {
        return streams.values().stream().mapToLong(java.util.List::size).sum();
    }

    @Override
    public List<RecordedEvent> readAll(Checkpoint after, int maxCount) {
        return streams.values().stream().flatMap(List::stream).filter(e -> e.checkpoint().isAfter(after))
                .sorted(java.util.Comparator.comparing(RecordedEvent::checkpoint)).limit(maxCount).toList();
    }

    @Override
    public List<RecordedEvent> correlated(String correlationId, java.util.Optional<String> tenant, long afterPosition,
                                          int limit) {
        return streams.values().stream().flatMap(List::stream)
                .filter(e -> correlationId.equals(e.metadata().correlationId()))
                .filter(e -> tenant.map(t -> t.equals(e.stream().tenantId())).orElse(true))
                .filter(e -> e.position() > afterPosition)
                .sorted(java.util.Comparator.comparingLong(RecordedEvent::position)).limit(limit).toList();
    }
}
