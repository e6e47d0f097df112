-- Transactional outbox. The events table is the outbox: an event is committed once, and the
-- publisher reads it through the same gap-safe (transaction_id, position) reader as the
-- projections, so "published iff stored" needs no second row per event. What the publisher
-- keeps is its cursor: the last event handed to the broker, moved forward after each send.
CREATE TABLE outbox_publishers (
    publisher          text        NOT NULL,
    transaction_id     bigint      NOT NULL,
    position           bigint      NOT NULL,
    published_count    bigint      NOT NULL,
    last_published_at  timestamptz NOT NULL,
    CONSTRAINT outbox_publishers_pk PRIMARY KEY (publisher)
);

-- Idempotent consumers: one row per (consumer, event) written in the transaction of the
-- consumer's effect, so a redelivered message is recognised and has no second effect.
-- Rows older than the retention are deleted by a timer; events are never touched.
CREATE TABLE consumer_inbox (
    consumer      text        NOT NULL,
    event_id      uuid        NOT NULL,
    event_type    text        NOT NULL,
    stream_id     text        NOT NULL,
    outcome       text        NOT NULL,
    processed_at  timestamptz NOT NULL,
    CONSTRAINT consumer_inbox_pk PRIMARY KEY (consumer, event_id)
);
CREATE INDEX consumer_inbox_processed_idx ON consumer_inbox (processed_at);
