-- Results of commands sent with an Idempotency-Key, written in the command's transaction: a key
-- exists if and only if the command's events were stored. The primary key makes two concurrent
-- requests with the same key collide; the loser rolls back and replays the winner's result.
CREATE TABLE idempotency_keys (
    tenant_id           text        NOT NULL,
    idempotency_key     text        NOT NULL,
    request_fingerprint text        NOT NULL,
    stream_id           text        NOT NULL,
    stream_version      bigint      NOT NULL,
    last_position       bigint      NOT NULL,
    created_id          text,
    created_at          timestamptz NOT NULL,
    CONSTRAINT idempotency_keys_pk PRIMARY KEY (tenant_id, idempotency_key)
);

-- Retention: expired keys are deleted by age.
CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);

-- Listing a tenant's streams of one type, newest first (interim list queries).
CREATE INDEX events_stream_starts_idx ON events (tenant_id, stream_type, position DESC) WHERE stream_version = 1;
