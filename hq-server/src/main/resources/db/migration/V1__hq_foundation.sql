-- HQ schema, first version: the chain's stores with their credentials, HQ staff and sessions,
-- the inbox of store events, and the sale facts the chain reports read.
-- Facts are keyed by (store, business id) and only ever inserted, so an analytics engine can own them later.

CREATE TABLE store (
    id                VARCHAR(16) NOT NULL,
    name              VARCHAR(80) NOT NULL,
    city              VARCHAR(40) NOT NULL,
    currency          CHAR(3)     NOT NULL,
    credential_digest CHAR(64)    NULL,
    active            BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at        DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE hq_staff (
    code          VARCHAR(16)  NOT NULL,
    name          VARCHAR(80)  NOT NULL,
    roles         VARCHAR(120) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE hq_session (
    token_digest CHAR(64)    NOT NULL,
    staff_code   VARCHAR(16) NOT NULL,
    started_at   DATETIME(6) NOT NULL,
    last_seen_at DATETIME(6) NOT NULL,
    ended_at     DATETIME(6) NULL,
    PRIMARY KEY (token_digest),
    CONSTRAINT fk_hq_session_staff FOREIGN KEY (staff_code) REFERENCES hq_staff (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each store event is applied once: its (store, event id) is recorded in the same transaction as its effects
CREATE TABLE inbox (
    store_id    VARCHAR(16) NOT NULL,
    event_id    CHAR(36) CHARACTER SET ascii NOT NULL,
    type        VARCHAR(40) NOT NULL,
    occurred_at DATETIME(6) NOT NULL,
    received_at DATETIME(6) NOT NULL,
    PRIMARY KEY (store_id, event_id),
    CONSTRAINT fk_inbox_store FOREIGN KEY (store_id) REFERENCES store (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE sale_fact (
    store_id      VARCHAR(16)    NOT NULL,
    sale_id       CHAR(36) CHARACTER SET ascii NOT NULL,
    event_id      CHAR(36) CHARACTER SET ascii NOT NULL,
    terminal_id   VARCHAR(16)    NOT NULL,
    cashier       VARCHAR(16)    NOT NULL,
    slip_number   BIGINT         NULL,
    business_date DATE           NOT NULL,
    completed_at  DATETIME(6)    NOT NULL,
    currency      CHAR(3)        NOT NULL,
    total         DECIMAL(19, 2) NOT NULL,
    tax           DECIMAL(19, 2) NOT NULL,
    PRIMARY KEY (store_id, sale_id),
    CONSTRAINT fk_sale_fact_store FOREIGN KEY (store_id) REFERENCES store (id),
    INDEX ix_sale_fact_day (business_date, store_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE sale_fact_line (
    store_id   VARCHAR(16)    NOT NULL,
    line_id    CHAR(36) CHARACTER SET ascii NOT NULL,
    sale_id    CHAR(36) CHARACTER SET ascii NOT NULL,
    sku        VARCHAR(32)    NOT NULL,
    quantity   DECIMAL(19, 3) NOT NULL,
    unit_price DECIMAL(19, 2) NOT NULL,
    amount     DECIMAL(19, 2) NOT NULL,
    vat_rate   DECIMAL(5, 4)  NOT NULL,
    PRIMARY KEY (store_id, line_id),
    CONSTRAINT fk_sale_fact_line_sale FOREIGN KEY (store_id, sale_id) REFERENCES sale_fact (store_id, sale_id),
    INDEX ix_sale_fact_line_sku (sku)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
