package org.orderflow.application.logging;

/**
 * Tags the log lines a thread writes while it handles one request or one message with the
 * correlation id and the trace id of what it handles (port). The runtime puts the tag on every line the thread
 * writes meanwhile, its own included (on Liberty: an {@code ext_correlationId} field of the JSON
 * log), so an operator can pull one request's or one event's lines out of a busy log.
 */
public interface LogContext {

    /** The field name: {@code correlationId}. */
    String CORRELATION_ID = "correlationId";
    /** The field name: {@code traceId}. */
    String TRACE_ID = "traceId";

    /**
     * Tags this thread's lines with {@code correlationId} and the trace id of {@code traceParent}
     * (a W3C traceparent; null: no tag) until the scope closes.
     */
    Scope enter(String correlationId, String traceParent);

    /** The trace id of a W3C traceparent ({@code 00-<trace id>-<span id>-<flags>}), or null. */
    static String traceIdOf(String traceParent) {
        return traceParent != null && traceParent.length() >= 35 ? traceParent.substring(3, 35) : null;
    }

    /** The span of lines that carry the tag; closing it removes the tag from the thread. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Tags nothing. */
    LogContext NONE = (correlationId, traceParent) -> () -> {
    };
}
