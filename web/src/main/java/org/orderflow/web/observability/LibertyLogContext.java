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
 * thread writes — as the field {@code ext_correlationId} when the log is JSON
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
    public Scope enter(String correlationId) {
        tag(correlationId);
        return CLEAR;
    }

    /** Tags this thread's lines with the correlation id (null: removes the tag). */
    public static void tag(String correlationId) {
        if (ADD == null) {
            return;
        }
        if (correlationId == null) {
            clear();
            return;
        }
        try {
            ADD.invokeExact(CORRELATION_ID, correlationId);
        } catch (Throwable e) {
            LOG.log(Level.FINE, "Cannot tag the log context", e);
        }
    }

    /** Removes the tag from this thread. */
    public static void clear() {
        if (REMOVE == null) {
            return;
        }
        try {
            boolean ignored = (boolean) REMOVE.invokeExact(CORRELATION_ID);
        } catch (Throwable e) {
            LOG.log(Level.FINE, "Cannot clear the log context", e);
        }
    }
}
