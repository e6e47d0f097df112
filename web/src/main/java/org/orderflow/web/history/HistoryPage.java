package org.orderflow.web.history;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import org.orderflow.application.eventstore.EventMetadata;
import org.orderflow.application.eventstore.RecordedEvent;

/** A page of a stream's history: each event with its envelope. {@code next_after_version} pages on. */
public record HistoryPage(
        @JsonbProperty("stream_id") String streamId,
        @JsonbProperty("events") List<Entry> events,
        @JsonbProperty("next_after_version") Long nextAfterVersion) {

    /** One stored event as the client sees it; {@code data} is the event's own fields. */
    public record Entry(
            @JsonbProperty("event_id") String eventId,
            @JsonbProperty("stream_type") String streamType,
            @JsonbProperty("stream_id") String streamId,
            @JsonbProperty("event_type") String eventType,
            @JsonbProperty("schema_version") int schemaVersion,
            @JsonbProperty("stream_version") long streamVersion,
            @JsonbProperty("position") long position,
            @JsonbProperty("recorded_at") String recordedAt,
            @JsonbProperty("tenant_id") String tenantId,
            @JsonbProperty("metadata") Metadata metadata,
            @JsonbProperty("data") Object data) {

        public static Entry of(RecordedEvent e) {
            return new Entry(e.eventId().toString(), e.stream().type(), e.stream().id(), e.eventType(), e.schemaVersion(),
                    e.streamVersion(), e.position(), e.recordedAt().toString(), e.stream().tenantId(),
                    Metadata.of(e.metadata()), e.event());
        }
    }

    public record Metadata(
            @JsonbProperty("correlation_id") String correlationId,
            @JsonbProperty("causation_id") String causationId,
            @JsonbProperty("user_id") String userId,
            @JsonbProperty("source") String source,
            @JsonbProperty("trace_id") String traceId) {

        static Metadata of(EventMetadata metadata) {
            return new Metadata(metadata.correlationId(), metadata.causationId(), metadata.userId(), metadata.source(),
                    metadata.traceId());
        }
    }

    /** The page for {@code events}, fetched with {@code limit}; a full page may have a next one. */
    public static HistoryPage of(String streamId, List<RecordedEvent> events, int limit) {
        List<Entry> entries = events.stream().map(Entry::of).toList();
        Long next = events.size() == limit ? events.get(events.size() - 1).streamVersion() : null;
        return new HistoryPage(streamId, entries, next);
    }
}
