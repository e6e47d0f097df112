-- events_stream_type_idx (stream_type, tenant_id) lured the planner away from the unique
-- (tenant_id, stream_id, stream_version) index for stream reads filtered by type: loading one
-- stream became a scan of every stream of its type (1.7 ms at 800 events, growing linearly;
-- the append benchmark fell to 0.11x raw). Nothing needs it: stream reads and version checks use
-- the unique index, global reads use events_global_order_idx.
DROP INDEX IF EXISTS events_stream_type_idx;
