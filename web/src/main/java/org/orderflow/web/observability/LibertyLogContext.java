package org.orderflow.web.observability;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.orderflow.application.logging.LogContext;

/**
 * Liberty's log record context: an extension set on a thread appears on every log line that
 * thread writes — as the fields {@code ext_correlationId} and {@code ext_traceId} when the log is JSON
 * ({@code WLP_LOGGING_CONSOLE_FORMAT=JSON}, {@code WLP_LOGGING_MESSAGE_FORMAT=JSON}). The API
 * ({@code com.ibm.websphere.logging.hpel.LogRecordContext}) is one of the runtime's IBM APIs,
 * visible to every application but not published as a Maven artifact, so it is looked up once;
 * on another runtime this tags nothing.
 */
@ApplicationScoped
public class LibertyLogContext implements LogContext {

    private static final Logger LOG = Logger.getLogger(LibertyLogContext.class.getName());
    private static final MethodHandle ADD;
    private static final MethodHandle REMOVE;

    static {
        MethodHandle add = null;
        MethodHandle remove = null;
        try {
            Class<?> context = Class.forName("com.ibm.websphere.logging.hpel.LogRecordContext");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            add = lookup.findStatic(context, "addExtension", MethodType.methodType(void.class, String.class, String.class));
            remove = lookup.findStatic(context, "removeExtension", MethodType.methodType(boolean.class, String.class));
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.info(() -> "Log lines carry no correlation id: no Liberty log record context here (" + e + ")");
        }
        ADD = add;
        REMOVE = remove;
    }

    private static final Scope CLEAR = LibertyLogContext::clear;

    @Override
    public Scope enter(String correlationId, String traceParent) {
        tag(correlationId, traceParent);
        return CLEAR;
    }

    /** Tags this thread's lines with the correlation id and the trace's id (each null: not tagged). */
    public static void tag(String correlationId, String traceParent) {
        clear();
        put(CORRELATION_ID, correlationId);
        put(TRACE_ID, LogContext.traceIdOf(traceParent));
    }

    /** Removes the tags from this thread. */
    public static void clear() {
        remove(CORRELATION_ID);
        remove(TRACE_ID);
    }

    private static void put(String key, String value) {
        if (ADD == null || value == null) {
            return;
        }
        try {
            ADD.invokeExact(key, value);
        } catch (Throwable e) {
            LOG.log(Level.FINE, "Cannot tag the log context", e);
        }
    }

    private static void remove(String key) {
        if (REMOVE == null) {
            return;
        }
        try {
            boolean ignored = (boolean) REMOVE.invokeExact(key);
        } catch (Throwable e) {
            LOG.log(Level.FINE, "Cannot clear the log context", e);
        }
    }
}
