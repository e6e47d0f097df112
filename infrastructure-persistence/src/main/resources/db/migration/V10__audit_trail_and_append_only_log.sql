-- Append-only in the database itself: whoever connects (the service, an operator with psql, a
-- migration), an UPDATE, DELETE or TRUNCATE of the log or of the audit trail fails. A change of
-- history would have to drop the trigger first — explicitly, in a reviewed migration.
CREATE FUNCTION orderflow_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION orderflow_refuse_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION orderflow_refuse_change();

-- Operator actions: who, when, in which tenant, what (the operation and its parameters) and how
-- it ended (the HTTP status: succeeded 2xx, refused 4xx, failed 5xx).
CREATE TABLE operator_audit (
    id          bigint      GENERATED ALWAYS AS IDENTITY,
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    tenant_id   text        NOT NULL,
    action      text        NOT NULL,
    method      text        NOT NULL,
    path        text        NOT NULL,
    parameters  jsonb       NOT NULL,
    outcome     text        NOT NULL,
    status      integer     NOT NULL,
    detail      text,
    CONSTRAINT operator_audit_pk PRIMARY KEY (id),
    CONSTRAINT operator_audit_outcome_ck CHECK (outcome IN ('succeeded', 'refused', 'failed'))
);
CREATE INDEX operator_audit_actor_idx ON operator_audit (actor, id DESC);
CREATE INDEX operator_audit_action_idx ON operator_audit (action, id DESC);
CREATE INDEX operator_audit_tenant_idx ON operator_audit (tenant_id, id DESC);
CREATE TRIGGER operator_audit_append_only BEFORE UPDATE OR DELETE ON operator_audit
    FOR EACH ROW EXECUTE FUNCTION orderflow_refuse_change();
CREATE TRIGGER operator_audit_no_truncate BEFORE TRUNCATE ON operator_audit
    FOR EACH STATEMENT EXECUTE FUNCTION orderflow_refuse_change();
