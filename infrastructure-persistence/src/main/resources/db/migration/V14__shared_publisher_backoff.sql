-- The publisher's back-off is shared by every server (README, Running several servers): a failed
-- round records the streak next to the cursor, and whichever server takes the publisher's lock next
-- waits until retry_at. A publisher that failed before it ever published has a row without a
-- last_published_at.
ALTER TABLE outbox_publishers
    ADD COLUMN failures       integer NOT NULL DEFAULT 0,
    ADD COLUMN last_failed_at timestamptz,
    ADD COLUMN last_error     text,
    ADD COLUMN retry_at       timestamptz,
    ALTER COLUMN last_published_at DROP NOT NULL;
