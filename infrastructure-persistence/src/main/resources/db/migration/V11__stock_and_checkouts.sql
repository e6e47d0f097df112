-- Stock figures on the catalogue (kept by the product-catalog projector from the Stock* events):
-- on_hand = available + reserved + committed.
ALTER TABLE product_catalog
    ADD COLUMN stock_on_hand   bigint NOT NULL DEFAULT 0,
    ADD COLUMN stock_reserved  bigint NOT NULL DEFAULT 0,
    ADD COLUMN stock_committed bigint NOT NULL DEFAULT 0;

-- The fulfilment process manager's checkouts: one row per checked-out order, changed in the
-- transaction of the step that moved it (the process's checkpoint, or a provider call's answer).
CREATE TABLE checkout_processes (
    tenant_id        text        NOT NULL,
    order_id         uuid        NOT NULL,
    state            text        NOT NULL CHECK (state IN ('RUNNING', 'WAITING_FOR_PAYMENT', 'COMPENSATING', 'FAILED', 'DONE')),
    step             text        NOT NULL,
    amount_cents     bigint      NOT NULL,
    payment_attempts integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    deadline         timestamptz,
    authorization_id text,
    reason_code      text,
    refund_pending   boolean     NOT NULL DEFAULT false,
    last_error       text,
    started_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    CONSTRAINT checkout_processes_pk PRIMARY KEY (tenant_id, order_id)
);
-- What the payment worker and the deadline timer look for: open checkouts by due time.
CREATE INDEX checkout_processes_due_idx ON checkout_processes (next_attempt_at)
    WHERE state IN ('WAITING_FOR_PAYMENT', 'COMPENSATING');
CREATE INDEX checkout_processes_deadline_idx ON checkout_processes (deadline) WHERE state = 'WAITING_FOR_PAYMENT';
CREATE INDEX checkout_processes_listing_idx ON checkout_processes (state, started_at DESC);

-- A failed checkout's machine-readable reason and the product it names, on the order's details.
ALTER TABLE order_details
    ADD COLUMN cancellation_code       text,
    ADD COLUMN cancellation_product_id uuid;
