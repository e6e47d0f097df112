-- Failed projection events, retried with backoff and dead-lettered for an operator, and the
-- later events of the same stream parked behind them (applied in order once the error closes).
CREATE TABLE projection_errors (
    id              bigserial   PRIMARY KEY,
    projector       text        NOT NULL,
    tenant_id       text        NOT NULL,
    stream_type     text        NOT NULL,
    stream_id       text        NOT NULL,
    stream_version  bigint      NOT NULL,
    position        bigint      NOT NULL,
    event_id        uuid        NOT NULL,
    event_type      text        NOT NULL,
    error_message   text        NOT NULL,
    stack_summary   text        NOT NULL,
    retry_count     integer     NOT NULL DEFAULT 0,
    next_retry_at   timestamptz,
    status          text        NOT NULL CHECK (status IN ('RETRY_PENDING', 'DEAD', 'RESOLVED', 'SKIPPED')),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    resolved_by     text,
    resolution      text
);
CREATE INDEX projection_errors_due_idx ON projection_errors (next_retry_at) WHERE status = 'RETRY_PENDING';
CREATE INDEX projection_errors_stream_idx ON projection_errors (projector, tenant_id, stream_id) WHERE status IN ('RETRY_PENDING', 'DEAD');
CREATE INDEX projection_errors_projector_idx ON projection_errors (projector, status, id);

CREATE TABLE projection_parked (
    projector       text   NOT NULL,
    tenant_id       text   NOT NULL,
    stream_type     text   NOT NULL,
    stream_id       text   NOT NULL,
    stream_version  bigint NOT NULL,
    position        bigint NOT NULL,
    CONSTRAINT projection_parked_pk PRIMARY KEY (projector, tenant_id, stream_id, stream_version)
);
