-- Returns the stores have refunded in full (issue 14): one ReturnCompleted event leaves one return fact, a fact per
-- returned line and one per refund by tender, written with its inbox entry (store, event id) and never changed.
-- A return is kept once per (store, return id) whichever event brought it; its sale need not be at HQ (no key to sale_fact:
-- a sale HQ refused must not hold its returns back). Chain reports group returns by their own business date.

-- The sales associate who served a sale, credited with it in staff review (else its cashier); older sales have none
ALTER TABLE sale_fact ADD COLUMN associate VARCHAR(16) NULL AFTER cashier;

CREATE TABLE return_fact (
    store_id          VARCHAR(16)    NOT NULL,
    return_id         CHAR(36) CHARACTER SET ascii NOT NULL,
    event_id          CHAR(36) CHARACTER SET ascii NOT NULL,
    sale_id           CHAR(36) CHARACTER SET ascii NOT NULL,
    terminal_id       VARCHAR(16)    NOT NULL,
    cashier           VARCHAR(16)    NOT NULL,
    reason            VARCHAR(16)    NOT NULL,
    credited_staff    VARCHAR(16)    NOT NULL,
    responsible_staff VARCHAR(16)    NULL,
    business_date     DATE           NOT NULL,
    completed_at      DATETIME(6)    NOT NULL,
    currency          CHAR(3)        NOT NULL,
    refunded          DECIMAL(19, 2) NOT NULL,
    PRIMARY KEY (store_id, return_id),
    CONSTRAINT uq_return_fact_event UNIQUE (store_id, event_id),
    CONSTRAINT fk_return_fact_store FOREIGN KEY (store_id) REFERENCES store (id),
    CONSTRAINT ck_return_fact_reason CHECK (reason IN ('QUALITY', 'CHANGE_OF_MIND', 'STAFF_ERROR')),
    CONSTRAINT ck_return_fact_responsible CHECK (reason <> 'STAFF_ERROR' OR responsible_staff IS NOT NULL),
    CONSTRAINT ck_return_fact_refunded CHECK (refunded >= 0),
    INDEX ix_return_fact_day (business_date, store_id),
    INDEX ix_return_fact_credited (credited_staff, business_date),
    INDEX ix_return_fact_responsible (responsible_staff, business_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE return_fact_line (
    store_id     VARCHAR(16)    NOT NULL,
    return_id    CHAR(36) CHARACTER SET ascii NOT NULL,
    position     INT            NOT NULL,
    sale_line_id CHAR(36) CHARACTER SET ascii NOT NULL,
    sku          VARCHAR(32)    NOT NULL,
    quantity     DECIMAL(19, 3) NOT NULL,
    amount       DECIMAL(19, 2) NOT NULL,
    disposition  VARCHAR(12)    NULL,
    PRIMARY KEY (store_id, return_id, position),
    CONSTRAINT fk_return_fact_line_return FOREIGN KEY (store_id, return_id) REFERENCES return_fact (store_id, return_id),
    CONSTRAINT ck_return_fact_line CHECK (quantity > 0 AND amount >= 0),
    INDEX ix_return_fact_line_sku (sku)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE return_fact_refund (
    store_id  VARCHAR(16)    NOT NULL,
    return_id CHAR(36) CHARACTER SET ascii NOT NULL,
    position  INT            NOT NULL,
    tender    VARCHAR(12)    NOT NULL,
    amount    DECIMAL(19, 2) NOT NULL,
    PRIMARY KEY (store_id, return_id, position),
    CONSTRAINT fk_return_fact_refund_return FOREIGN KEY (store_id, return_id) REFERENCES return_fact (store_id, return_id),
    CONSTRAINT ck_return_fact_refund CHECK (amount > 0 AND tender IN ('CASH', 'CARD', 'CHECK', 'MOBILE', 'EXCHANGE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
