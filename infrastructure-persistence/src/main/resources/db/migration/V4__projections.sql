-- Read side. Each projector keeps its own checkpoint in the global log, (transaction_id,
-- position) like every gap-safe reader; read-model rows and the checkpoint change in one
-- transaction. Each row remembers the stream version it reflects, so a replayed event is a no-op.
CREATE TABLE projection_checkpoints (
    projector          text        NOT NULL,
    transaction_id     bigint      NOT NULL,
    position           bigint      NOT NULL,
    last_processed_at  timestamptz NOT NULL,
    CONSTRAINT projection_checkpoints_pk PRIMARY KEY (projector)
);

CREATE TABLE order_summaries (
    tenant_id      text        NOT NULL,
    order_id       uuid        NOT NULL,
    customer_name  text        NOT NULL,
    customer_id    text,
    status         text        NOT NULL,
    total_cents    bigint      NOT NULL,
    item_count     integer     NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    version        bigint      NOT NULL,
    CONSTRAINT order_summaries_pk PRIMARY KEY (tenant_id, order_id)
);
-- GET /orders: newest first, optionally by status and customer.
CREATE INDEX order_summaries_created_idx ON order_summaries (tenant_id, created_at DESC, order_id);
CREATE INDEX order_summaries_status_idx ON order_summaries (tenant_id, status, created_at DESC);
CREATE INDEX order_summaries_customer_idx ON order_summaries (tenant_id, customer_id, created_at DESC);

CREATE TABLE order_details (
    tenant_id            text        NOT NULL,
    order_id             uuid        NOT NULL,
    customer_name        text        NOT NULL,
    customer_id          text,
    shipping_address     jsonb,
    status               text        NOT NULL,
    lines                jsonb       NOT NULL,
    total_cents          bigint      NOT NULL,
    item_count           integer     NOT NULL,
    reservation_id       text,
    payment_id           text,
    cancellation_reason  text,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    confirmed_at         timestamptz,
    cancelled_at         timestamptz,
    version              bigint      NOT NULL,
    CONSTRAINT order_details_pk PRIMARY KEY (tenant_id, order_id)
);

CREATE TABLE product_catalog (
    tenant_id    text        NOT NULL,
    product_id   uuid        NOT NULL,
    name         text        NOT NULL,
    price_cents  bigint      NOT NULL,
    category_id  text        NOT NULL,
    sku          text        NOT NULL,
    deleted      boolean     NOT NULL,
    deleted_at   timestamptz,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    version      bigint      NOT NULL,
    CONSTRAINT product_catalog_pk PRIMARY KEY (tenant_id, product_id)
);
CREATE INDEX product_catalog_created_idx ON product_catalog (tenant_id, created_at DESC, product_id);
