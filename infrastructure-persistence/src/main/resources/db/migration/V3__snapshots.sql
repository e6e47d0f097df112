-- Snapshots: a disposable cache of each stream's state at a version, in an explicit form with
-- its own schema version. One row per stream (the latest); deleting rows only costs replay time.
CREATE TABLE snapshots (
    tenant_id       text        NOT NULL,
    stream_id       text        NOT NULL,
    stream_type     text        NOT NULL,
    stream_version  bigint      NOT NULL,
    last_position   bigint      NOT NULL,
    schema_version  integer     NOT NULL,
    payload         jsonb       NOT NULL,
    taken_at        timestamptz NOT NULL,
    CONSTRAINT snapshots_pk PRIMARY KEY (tenant_id, stream_id)
);

CREATE INDEX snapshots_stream_type_idx ON snapshots (stream_type);
