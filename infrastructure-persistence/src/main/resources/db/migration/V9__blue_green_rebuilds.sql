-- Blue/green rebuilds. A rebuild builds a projector's read model beside the live one, in a shadow
-- schema (the live schema's name + '_shadow'), while queries keep reading the live tables; once
-- it has caught up with the log it replaces them in one transaction.
--
-- One row per rebuild job. A running job's checkpoint in the log (transaction_id, position) and
-- its progress change in the same transaction as its shadow rows, so a job interrupted by a crash
-- resumes where its last batch committed. At most one job per projector runs at a time.
CREATE TABLE projection_rebuilds (
    id                bigint      GENERATED ALWAYS AS IDENTITY,
    projector         text        NOT NULL,
    state             text        NOT NULL,
    transaction_id    bigint      NOT NULL DEFAULT 0,
    position          bigint      NOT NULL DEFAULT 0,
    events_total      bigint      NOT NULL,
    events_done       bigint      NOT NULL DEFAULT 0,
    cancel_requested  boolean     NOT NULL DEFAULT false,
    error             text,
    started_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    finished_at       timestamptz,
    CONSTRAINT projection_rebuilds_pk PRIMARY KEY (id),
    CONSTRAINT projection_rebuilds_state_ck CHECK (state IN ('running', 'done', 'failed', 'cancelled'))
);
CREATE UNIQUE INDEX projection_rebuilds_one_running_uk ON projection_rebuilds (projector) WHERE state = 'running';
CREATE INDEX projection_rebuilds_projector_idx ON projection_rebuilds (projector, id DESC);

DO $$
BEGIN
    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I', current_schema() || '_shadow');
END
$$;

-- A fresh, empty shadow of a live table: same columns, defaults, constraints (primary key and
-- unique constraints under their live names, so ON CONFLICT works) and grants; no secondary
-- indexes yet — they are built once, after the bulk of the rows (orderflow_shadow_index).
-- Triggers are not carried over: read-model tables have none.
CREATE FUNCTION orderflow_shadow_create(live_table text) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    live   text := current_schema();
    shadow text := current_schema() || '_shadow';
    c      record;
    g      record;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = shadow) THEN
        EXECUTE format('CREATE SCHEMA %I', shadow);
    END IF;
    EXECUTE format('DROP TABLE IF EXISTS %I.%I', shadow, live_table);
    EXECUTE format('CREATE TABLE %I.%I (LIKE %I.%I INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING IDENTITY '
                   'INCLUDING STORAGE INCLUDING COMMENTS)', shadow, live_table, live, live_table);
    FOR c IN SELECT conname, pg_get_constraintdef(oid) AS def
               FROM pg_constraint
              WHERE conrelid = format('%I.%I', live, live_table)::regclass AND contype IN ('p', 'u', 'c', 'x')
              ORDER BY contype DESC, conname
    LOOP
        EXECUTE format('ALTER TABLE %I.%I ADD CONSTRAINT %I %s', shadow, live_table, c.conname, c.def);
    END LOOP;
    FOR g IN SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END AS grantee, a.privilege_type
               FROM pg_class t CROSS JOIN LATERAL aclexplode(t.relacl) a LEFT JOIN pg_roles r ON r.oid = a.grantee
              WHERE t.oid = format('%I.%I', live, live_table)::regclass AND a.grantee <> t.relowner
    LOOP
        EXECUTE format('GRANT %s ON %I.%I TO %s', g.privilege_type, shadow, live_table, g.grantee);
    END LOOP;
END
$$;

-- The live table's other indexes, under their live names, on the shadow table.
CREATE FUNCTION orderflow_shadow_index(live_table text) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    live   text := current_schema();
    shadow text := current_schema() || '_shadow';
    i      record;
BEGIN
    FOR i IN SELECT c.relname AS name, pg_get_indexdef(x.indexrelid) AS def
               FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
              WHERE x.indrelid = format('%I.%I', live, live_table)::regclass
                AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
    LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace
                        WHERE n.nspname = shadow AND s.relname = i.name) THEN
            EXECUTE regexp_replace(i.def, ' ON \S+ USING ', format(' ON %I.%I USING ', shadow, live_table));
        END IF;
    END LOOP;
END
$$;

-- Replaces the live table by its shadow. Dropping the live table waits for the queries reading
-- it; queries that arrive meanwhile wait for this transaction and then read the new table.
CREATE FUNCTION orderflow_shadow_swap(live_table text) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    live   text := current_schema();
    shadow text := current_schema() || '_shadow';
BEGIN
    EXECUTE format('DROP TABLE %I.%I', live, live_table);
    EXECUTE format('ALTER TABLE %I.%I SET SCHEMA %I', shadow, live_table, live);
END
$$;

CREATE FUNCTION orderflow_shadow_drop(live_table text) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('DROP TABLE IF EXISTS %I.%I', current_schema() || '_shadow', live_table);
END
$$;
