package org.orderflow.application.tracing;

/**
 * The trace context of the work in hand (port). A command stores the current context in its
 * events' metadata as a W3C {@code traceparent}; whatever later works on those events (a
 * projector, the publisher, a consumer) continues that trace in a span of its own, so one trace
 * runs from the HTTP request to the webhook call.
 */
public interface Tracing {

    /** What a span stands for, as tracing backends distinguish it. */
    enum Kind { INTERNAL, PRODUCER, CONSUMER }

    /** The current span as a W3C traceparent ({@code 00-<trace id>-<span id>-<flags>}), or null if none. */
    String currentTraceParent();

    /**
     * Starts a span named {@code name}, child of {@code traceParent} (null or malformed: of the
     * current context), current on this thread until the scope closes.
     */
    Scope span(String name, Kind kind, String traceParent);

    /** A span made current; closing it ends the span and restores the previous context. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Traces nothing. */
    Tracing NONE = new Tracing() {
        @Override
        public String currentTraceParent() {
            return null;
        }

        @Override
        public Scope span(String name, Kind kind, String traceParent) {
            return () -> {
            };
        }
    };
}
