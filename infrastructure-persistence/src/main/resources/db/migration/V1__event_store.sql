-- The event store: one append-only table for every stream.
--
-- Global order is (transaction_id, position). position comes from a sequence (so Hibernate can
-- batch inserts) and is assigned at insert time, not at commit: a transaction that inserts early
-- but commits late would be skipped by a reader that follows position alone. transaction_id is the
-- writing transaction's xid8; readers only read rows whose transaction_id is below the xmin of the
-- current snapshot, i.e. of transactions that are all finished, so nothing can still appear
-- behind a reader's checkpoint.
CREATE SEQUENCE events_position_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE events (
    position        bigint      NOT NULL,
    transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
    event_id        uuid        NOT NULL,
    tenant_id       text        NOT NULL,
    stream_id       text        NOT NULL,
    stream_type     text        NOT NULL,
    stream_version  bigint      NOT NULL,
    event_type      text        NOT NULL,
    schema_version  integer     NOT NULL,
    payload         jsonb       NOT NULL,
    metadata        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    recorded_at     timestamptz NOT NULL,
    CONSTRAINT events_pk PRIMARY KEY (position),
    CONSTRAINT events_event_id_uk UNIQUE (event_id),
    -- Optimistic concurrency: two writers at the same expected version cannot both insert.
    CONSTRAINT events_stream_version_uk UNIQUE (tenant_id, stream_id, stream_version),
    CONSTRAINT events_stream_version_positive CHECK (stream_version > 0),
    CONSTRAINT events_schema_version_positive CHECK (schema_version > 0)
);

-- Global reads: WHERE (transaction_id, position) > checkpoint ORDER BY transaction_id, position.
CREATE INDEX events_global_order_idx ON events (transaction_id, position);
-- Stream reads are served by events_stream_version_uk (tenant_id, stream_id, stream_version).
CREATE INDEX events_stream_type_idx ON events (stream_type, tenant_id);

COMMENT ON TABLE events IS 'Append-only event store; never updated or deleted by the application';
