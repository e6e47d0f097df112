package org.orderflow.persistence.eventstore;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * One row of the {@code events} table, insert-only. {@code transaction_id} is not mapped: the
 * database fills it with {@code pg_current_xact_id()} and only the native global reader needs it.
 */
@Entity
@Table(name = "events")
public class EventRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "events_position")
    // allocationSize = the sequence's INCREMENT BY: Hibernate hands out positions from a pooled
    // block without a round trip per event, and JDBC batching stays possible.
    @SequenceGenerator(name = "events_position", sequenceName = "events_position_seq", allocationSize = 50)
    @Column(name = "position", nullable = false, updatable = false)
    private Long position;

    @Column(name = "event_id", nullable = false, updatable = false)
    private UUID eventId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "stream_id", nullable = false, updatable = false)
    private String streamId;

    @Column(name = "stream_type", nullable = false, updatable = false)
    private String streamType;

    @Column(name = "stream_version", nullable = false, updatable = false)
    private long streamVersion;

    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;

    @Column(name = "schema_version", nullable = false, updatable = false)
    private int schemaVersion;

    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "payload", nullable = false, updatable = false, columnDefinition = "jsonb")
    private String payload;

    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "metadata", nullable = false, updatable = false, columnDefinition = "jsonb")
    private String metadata;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected EventRecord() {
    }

    EventRecord(UUID eventId, String tenantId, String streamId, String streamType, long streamVersion,
                String eventType, int schemaVersion, String payload, String metadata, Instant recordedAt) {
        this.eventId = eventId;
        this.tenantId = tenantId;
        this.streamId = streamId;
        this.streamType = streamType;
        this.streamVersion = streamVersion;
        this.eventType = eventType;
        this.schemaVersion = schemaVersion;
        this.payload = payload;
        this.metadata = metadata;
        this.recordedAt = recordedAt;
    }

    Long position() {
        return position;
    }
}
