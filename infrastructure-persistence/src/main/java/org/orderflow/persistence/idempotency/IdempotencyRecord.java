package org.orderflow.persistence.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One remembered command result, keyed by tenant and client key. */
@Entity
@Table(name = "idempotency_keys")
public class IdempotencyRecord {

    /** (tenant, key). */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "tenant_id", nullable = false, updatable = false)
        private String tenantId;

        @Column(name = "idempotency_key", nullable = false, updatable = false)
        private String key;

        protected Key() {
        }

        Key(String tenantId, String key) {
            this.tenantId = tenantId;
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && tenantId.equals(other.tenantId) && key.equals(other.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, key);
        }
    }

    @EmbeddedId
    private Key id;

    @Column(name = "request_fingerprint", nullable = false, updatable = false)
    private String requestFingerprint;

    @Column(name = "stream_id", nullable = false, updatable = false)
    private String streamId;

    @Column(name = "stream_version", nullable = false, updatable = false)
    private long streamVersion;

    @Column(name = "last_position", nullable = false, updatable = false)
    private long lastPosition;

    @Column(name = "created_id", updatable = false)
    private String createdId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected IdempotencyRecord() {
    }

    IdempotencyRecord(String tenantId, String key, String requestFingerprint, String streamId, long streamVersion,
                      long lastPosition, String createdId, Instant createdAt) {
        this.id = new Key(tenantId, key);
        this.requestFingerprint = requestFingerprint;
        this.streamId = streamId;
        this.streamVersion = streamVersion;
        this.lastPosition = lastPosition;
        this.createdId = createdId;
        this.createdAt = createdAt;
    }

    String requestFingerprint() {
        return requestFingerprint;
    }

    String streamId() {
        return streamId;
    }

    long streamVersion() {
        return streamVersion;
    }

    long lastPosition() {
        return lastPosition;
    }

    String createdId() {
        return createdId;
    }
}
