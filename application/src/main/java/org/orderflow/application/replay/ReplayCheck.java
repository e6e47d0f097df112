package org.orderflow.application.replay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.orderflow.application.command.EventSourcedRepository;
import org.orderflow.application.eventstore.EventStore;
import org.orderflow.application.eventstore.StreamId;
import org.orderflow.application.order.Orders;
import org.orderflow.application.product.Products;

/**
 * Walks every stream, loads its events through the current upcasters and replays them into the
 * aggregate (ignoring snapshots). A stream that fails is reported with the reason and the walk
 * goes on. Progress is reported every {@code progressEvery} streams.
 */
@ApplicationScoped
public class ReplayCheck {

    /** A stream that no longer replays. */
    public record Failure(String tenantId, String streamType, String streamId, String error) {
    }

    /** Where the walk is. */
    public record Progress(long streamsDone, long streamsTotal, long eventsDone, Duration elapsed) {
        public double streamsPerSecond() {
            return elapsed.isZero() ? 0 : streamsDone * 1000.0 / elapsed.toMillis();
        }
    }

    /** The outcome: how much was checked and what failed. */
    public record Report(long streams, long events, List<Failure> failures, Duration took) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    private static final int PAGE = 500;

    private EventStore store;
    private Orders orders;
    private Products products;

    protected ReplayCheck() {
        // for CDI proxies
    }

    @Inject
    public ReplayCheck(EventStore store, Orders orders, Products products) {
        this.store = store;
        this.orders = orders;
        this.products = products;
    }

    public Report run(int progressEvery, Consumer<Progress> progress) {
        long started = System.nanoTime();
        long total = store.streamCount();
        long streams = 0;
        long events = 0;
        List<Failure> failures = new ArrayList<>();
        StreamId after = null;
        while (true) {
            List<StreamId> page = store.streams(after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (StreamId stream : page) {
                try {
                    events += replay(stream);
                } catch (RuntimeException e) {
                    failures.add(new Failure(stream.tenantId(), stream.type(), stream.id(),
                            e.getClass().getSimpleName() + ": " + e.getMessage()));
                }
                streams++;
                if (progressEvery > 0 && streams % progressEvery == 0) {
                    progress.accept(new Progress(streams, total, events, Duration.ofNanos(System.nanoTime() - started)));
                }
            }
            after = page.get(page.size() - 1);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        progress.accept(new Progress(streams, total, events, took));
        return new Report(streams, events, List.copyOf(failures), took);
    }

    /** Replays one stream; returns its event count. */
    private long replay(StreamId stream) {
        EventSourcedRepository<?, ?, ?> repository = switch (stream.type()) {
            case Orders.STREAM_TYPE -> orders;
            case Products.STREAM_TYPE -> products;
            default -> throw new IllegalStateException("No aggregate for stream type '" + stream.type() + "'");
        };
        UUID id = UUID.fromString(stream.id());
        return repository.replayFully(stream.tenantId(), id)
                .orElseThrow(() -> new IllegalStateException("Stream has no events"))
                .version();
    }
}
