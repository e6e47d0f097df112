package org.orderflow.application.logging;

/**
 * Tags the log lines a thread writes while it handles one request or one message with the
 * correlation id of what it handles (port). The runtime puts the tag on every line the thread
 * writes meanwhile, its own included (on Liberty: an {@code ext_correlationId} field of the JSON
 * log), so an operator can pull one request's or one event's lines out of a busy log.
 */
public interface LogContext {

    /** The field name: {@code correlationId}. */
    String CORRELATION_ID = "correlationId";

    /** Tags this thread's lines with {@code correlationId} (null: no tag) until the scope closes. */
    Scope enter(String correlationId);

    /** The span of lines that carry the tag; closing it removes the tag from the thread. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Tags nothing. */
    LogContext NONE = correlationId -> () -> {
    };
}
