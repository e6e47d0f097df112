package org.orderflow.application.command;

/**
 * What a command did.
 *
 * @param streamId      the aggregate it changed
 * @param streamVersion the stream's version afterwards (the ETag clients send back as If-Match)
 * @param lastPosition  the global position of the stream's last event, for read-your-writes
 * @param createdId     the id of a thing the command created inside the aggregate (an order line), or null
 * @param replayed      true when an idempotency key matched: nothing was appended this time
 */
public record CommandResult(String streamId, long streamVersion, long lastPosition, String createdId, boolean replayed) {

    public CommandResult withCreatedId(String id) {
        return new CommandResult(streamId, streamVersion, lastPosition, id, replayed);
    }

    public CommandResult asReplay() {
        return new CommandResult(streamId, streamVersion, lastPosition, createdId, true);
    }
}
