-- Takes a transaction-scoped advisory lock on a name, waiting at most `wait` (a PostgreSQL
-- interval text such as '5s') while another transaction holds it. Returns false when the wait
-- ran out, and the calling transaction stays usable: the timed-out attempt is confined to the
-- exception block's subtransaction, as is the lock_timeout change. On success the lock belongs
-- to the calling transaction and is released by its commit or rollback.
CREATE FUNCTION orderflow_advisory_lock_within(lock_name text, wait text) RETURNS boolean
    LANGUAGE plpgsql AS $$
DECLARE
    previous text := current_setting('lock_timeout');
BEGIN
    PERFORM set_config('lock_timeout', wait, true);
    PERFORM pg_advisory_xact_lock(hashtextextended(lock_name, 0));
    PERFORM set_config('lock_timeout', previous, true);
    RETURN true;
EXCEPTION WHEN lock_not_available THEN
    RETURN false;
END
$$;
