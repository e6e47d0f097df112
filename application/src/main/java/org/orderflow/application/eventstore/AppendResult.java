package org.orderflow.application.eventstore;

/**
 * What an append produced.
 *
 * @param streamVersion the stream's version after the append (the next expected version)
 * @param firstPosition global position of the first appended event
 * @param lastPosition  global position of the last appended event
 */
public record AppendResult(long streamVersion, long firstPosition, long lastPosition) {
}
