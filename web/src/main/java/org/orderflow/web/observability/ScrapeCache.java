package org.orderflow.web.observability;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values that gauges read from the database, each read again at most once per {@code fresh}
 * whatever the number of scrapes (and of gauges that share it).
 */
public final class ScrapeCache {

    private record Read(Object value, long atNanos) {
    }

    private final long freshNanos;
    private final Map<String, Read> reads = new ConcurrentHashMap<>();

    public ScrapeCache(Duration fresh) {
        this.freshNanos = fresh.toNanos();
    }

    /** The value last read under {@code key}, or a new one from {@code source} when that is older than {@code fresh}. */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> source) {
        Read read = reads.get(key);
        if (read == null || System.nanoTime() - read.atNanos() > freshNanos) {
            read = new Read(source.get(), System.nanoTime());
            reads.put(key, read);
        }
        return (T) read.value();
    }
}
