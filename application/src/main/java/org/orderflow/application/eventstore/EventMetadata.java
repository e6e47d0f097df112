package org.orderflow.application.eventstore;

/**
 * Who and what caused an event, stored in its envelope. Every field may be null.
 *
 * @param correlationId the id shared by everything one client request set in motion
 * @param causationId   the id of the message (command or event) that directly caused this one
 * @param userId        the acting user, when known
 * @param source        the component that wrote the event (e.g. {@code orderflow-api})
 * @param traceId       the W3C traceparent of the work that wrote the event (the HTTP request's span), when it was traced
 */
public record EventMetadata(String correlationId, String causationId, String userId, String source, String traceId) {

    public static final EventMetadata EMPTY = new EventMetadata(null, null, null, null, null);
}
