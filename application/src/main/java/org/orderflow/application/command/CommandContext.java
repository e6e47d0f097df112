package org.orderflow.application.command;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import org.orderflow.application.eventstore.EventMetadata;
import org.orderflow.application.eventstore.RecordedEvent;
import org.orderflow.application.eventstore.StreamId;

/**
 * Who sends a command and under which conditions.
 *
 * @param commandId          unique per command; becomes the causation id of the events it produces
 * @param tenantId           the tenant whose streams the command works on
 * @param correlationId      shared by everything one client request set in motion
 * @param userId             the acting user, or null
 * @param pinnedVersion      the stream version the client decided on (HTTP If-Match); when
 *                           present the command fails on any other version and is not retried
 * @param idempotencyKey     a client key that makes a retried command return the first result, or null
 * @param requestFingerprint what the key was first used for; the same key with another request is refused
 * @param source             the component that sends the command, recorded on its events
 *                           ({@link #SOURCE} for the API)
 * @param traceParent        the W3C traceparent of the work that sends the command (the HTTP
 *                           request's span, or the event a process reacts to), recorded on its
 *                           events as {@code trace_id}; null if nothing is traced
 */
public record CommandContext(
        UUID commandId,
        String tenantId,
        String correlationId,
        String userId,
        OptionalLong pinnedVersion,
        String idempotencyKey,
        String requestFingerprint,
        String source,
        String traceParent) {

    public static final String SOURCE = "orderflow-api";

    public CommandContext {
        Objects.requireNonNull(commandId, "commandId");
        tenantId = tenantId == null ? StreamId.DEFAULT_TENANT : tenantId;
        source = source == null ? SOURCE : source;
        pinnedVersion = pinnedVersion == null ? OptionalLong.empty() : pinnedVersion;
        if (idempotencyKey != null && requestFingerprint == null) {
            throw new IllegalArgumentException("an idempotency key needs the fingerprint of its request");
        }
    }

    /** A command from the API. */
    public CommandContext(UUID commandId, String tenantId, String correlationId, String userId,
                          OptionalLong pinnedVersion, String idempotencyKey, String requestFingerprint) {
        this(commandId, tenantId, correlationId, userId, pinnedVersion, idempotencyKey, requestFingerprint, SOURCE);
    }

    /** A command outside any trace. */
    public CommandContext(UUID commandId, String tenantId, String correlationId, String userId,
                          OptionalLong pinnedVersion, String idempotencyKey, String requestFingerprint, String source) {
        this(commandId, tenantId, correlationId, userId, pinnedVersion, idempotencyKey, requestFingerprint, source, null);
    }

    /** The same command as part of the trace {@code traceParent} (null: none). */
    public CommandContext tracedBy(String traceParent) {
        return new CommandContext(commandId, tenantId, correlationId, userId, pinnedVersion, idempotencyKey,
                requestFingerprint, source, traceParent);
    }

    /**
     * A command a process sends in reaction to an event: the event is its cause, the correlation
     * and the trace carry on, and the process is the source.
     */
    public static CommandContext reactingTo(RecordedEvent cause, String source, String userId) {
        return new CommandContext(cause.eventId(), cause.stream().tenantId(), cause.metadata().correlationId(), userId,
                OptionalLong.empty(), null, null, source, cause.metadata().traceId());
    }

    /** A context for the default tenant, no conditions; handy for tests and internal callers. */
    public static CommandContext of(String correlationId) {
        return new CommandContext(UUID.randomUUID(), StreamId.DEFAULT_TENANT, correlationId, null,
                OptionalLong.empty(), null, null);
    }

    public EventMetadata eventMetadata() {
        return new EventMetadata(correlationId, commandId.toString(), userId, source, traceParent);
    }
}
