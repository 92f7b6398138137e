-- Store schema, first version: terminals, staff and sessions, catalog and stock, sales with lines
-- and payments, the outbox to HQ and the counters behind gapless numbers.
-- Money is DECIMAL(19,2) beside a CHAR(3) currency; quantities DECIMAL(19,3); instants DATETIME(6) in UTC;
-- ids the clients generate are UUID strings in CHAR(36).

CREATE TABLE terminal (
    id          VARCHAR(16)  NOT NULL,
    name        VARCHAR(80)  NOT NULL,
    enrolled_at DATETIME(6)  NOT NULL,
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE staff (
    code       VARCHAR(16)  NOT NULL,
    name       VARCHAR(80)  NOT NULL,
    roles      VARCHAR(120) NOT NULL,
    pin_hash   VARCHAR(200) NOT NULL,
    active     BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE staff_session (
    token_digest CHAR(64)    NOT NULL,
    staff_code   VARCHAR(16) NOT NULL,
    terminal_id  VARCHAR(16) NOT NULL,
    started_at   DATETIME(6) NOT NULL,
    last_seen_at DATETIME(6) NOT NULL,
    ended_at     DATETIME(6) NULL,
    PRIMARY KEY (token_digest),
    CONSTRAINT fk_staff_session_staff FOREIGN KEY (staff_code) REFERENCES staff (code),
    CONSTRAINT fk_staff_session_terminal FOREIGN KEY (terminal_id) REFERENCES terminal (id),
    INDEX ix_staff_session_staff (staff_code, ended_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE product (
    sku      VARCHAR(32)   NOT NULL,
    barcode  CHAR(13)      NOT NULL,
    name     VARCHAR(120)  NOT NULL,
    brand    VARCHAR(60)   NOT NULL,
    model    VARCHAR(60)   NOT NULL,
    spec     VARCHAR(120)  NOT NULL,
    colour   VARCHAR(40)   NOT NULL,
    unit     VARCHAR(8)    NOT NULL,
    price    DECIMAL(19, 2) NOT NULL,
    currency CHAR(3)       NOT NULL,
    vat_rate DECIMAL(5, 4) NOT NULL,
    active   BOOLEAN       NOT NULL DEFAULT TRUE,
    PRIMARY KEY (sku),
    CONSTRAINT uq_product_barcode UNIQUE (barcode),
    CONSTRAINT ck_product_price CHECK (price >= 0),
    CONSTRAINT ck_product_vat CHECK (vat_rate >= 0 AND vat_rate < 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE stock (
    sku        VARCHAR(32)    NOT NULL,
    on_hand    DECIMAL(19, 3) NOT NULL,
    updated_at DATETIME(6)    NOT NULL,
    PRIMARY KEY (sku),
    CONSTRAINT fk_stock_product FOREIGN KEY (sku) REFERENCES product (sku)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE sale (
    id            CHAR(36) CHARACTER SET ascii NOT NULL,
    terminal_id   VARCHAR(16)    NOT NULL,
    cashier_code  VARCHAR(16)    NOT NULL,
    customer_id   VARCHAR(40)    NULL,
    status        VARCHAR(24)    NOT NULL,
    currency      CHAR(3)        NOT NULL,
    total         DECIMAL(19, 2) NOT NULL,
    paid          DECIMAL(19, 2) NOT NULL,
    slip_number   BIGINT         NULL,
    business_date DATE           NOT NULL,
    opened_at     DATETIME(6)    NOT NULL,
    confirmed_at  DATETIME(6)    NULL,
    paid_at       DATETIME(6)    NULL,
    completed_at  DATETIME(6)    NULL,
    version       BIGINT         NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_sale_slip UNIQUE (slip_number),
    CONSTRAINT fk_sale_terminal FOREIGN KEY (terminal_id) REFERENCES terminal (id),
    CONSTRAINT fk_sale_cashier FOREIGN KEY (cashier_code) REFERENCES staff (code),
    INDEX ix_sale_day (business_date, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE sale_line (
    id         CHAR(36) CHARACTER SET ascii NOT NULL,
    sale_id    CHAR(36) CHARACTER SET ascii NOT NULL,
    line_no    INT            NOT NULL,
    sku        VARCHAR(32)    NOT NULL,
    barcode    CHAR(13)       NOT NULL,
    name       VARCHAR(120)   NOT NULL,
    brand      VARCHAR(60)    NOT NULL,
    model      VARCHAR(60)    NOT NULL,
    spec       VARCHAR(120)   NOT NULL,
    colour     VARCHAR(40)    NOT NULL,
    unit       VARCHAR(8)     NOT NULL,
    quantity   DECIMAL(19, 3) NOT NULL,
    list_price DECIMAL(19, 2) NOT NULL,
    unit_price DECIMAL(19, 2) NOT NULL,
    amount     DECIMAL(19, 2) NOT NULL,
    vat_rate   DECIMAL(5, 4)  NOT NULL,
    voided     BOOLEAN        NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    CONSTRAINT uq_sale_line_no UNIQUE (sale_id, line_no),
    CONSTRAINT fk_sale_line_sale FOREIGN KEY (sale_id) REFERENCES sale (id),
    CONSTRAINT ck_sale_line_quantity CHECK (quantity > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE payment (
    id           CHAR(36) CHARACTER SET ascii NOT NULL,
    sale_id      CHAR(36) CHARACTER SET ascii NOT NULL,
    seq          INT            NOT NULL,
    tender       VARCHAR(8)     NOT NULL,
    currency     CHAR(3)        NOT NULL,
    received     DECIMAL(19, 2) NOT NULL,
    applied      DECIMAL(19, 2) NOT NULL,
    change_given DECIMAL(19, 2) NOT NULL,
    staff_code   VARCHAR(16)    NOT NULL,
    created_at   DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_payment_seq UNIQUE (sale_id, seq),
    CONSTRAINT fk_payment_sale FOREIGN KEY (sale_id) REFERENCES sale (id),
    CONSTRAINT ck_payment_amounts CHECK (received >= 0 AND applied >= 0 AND change_given >= 0 AND applied + change_given = received)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 数: the cash counted for one payment, by denomination
CREATE TABLE payment_cash_count (
    payment_id   CHAR(36) CHARACTER SET ascii NOT NULL,
    denomination DECIMAL(19, 2) NOT NULL,
    count        INT            NOT NULL,
    PRIMARY KEY (payment_id, denomination),
    CONSTRAINT fk_payment_cash_count_payment FOREIGN KEY (payment_id) REFERENCES payment (id),
    CONSTRAINT ck_payment_cash_count CHECK (count > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 验: notes handed over and refused, kept with their serial numbers; not part of the tender
CREATE TABLE rejected_note (
    payment_id   CHAR(36) CHARACTER SET ascii NOT NULL,
    position     INT            NOT NULL,
    denomination DECIMAL(19, 2) NOT NULL,
    serial       VARCHAR(20)    NOT NULL,
    reason       VARCHAR(16)    NOT NULL,
    PRIMARY KEY (payment_id, position),
    CONSTRAINT fk_rejected_note_payment FOREIGN KEY (payment_id) REFERENCES payment (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE outbox_event (
    seq             BIGINT       NOT NULL AUTO_INCREMENT,
    id              CHAR(36) CHARACTER SET ascii NOT NULL,
    type            VARCHAR(40)  NOT NULL,
    payload         LONGTEXT     NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    delivered_at    DATETIME(6)  NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    last_attempt_at DATETIME(6)  NULL,
    last_error      VARCHAR(500) NULL,
    PRIMARY KEY (seq),
    CONSTRAINT uq_outbox_event_id UNIQUE (id),
    INDEX ix_outbox_event_pending (delivered_at, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Gapless numbers: the row is locked in the transaction that uses the number
CREATE TABLE number_counter (
    name       VARCHAR(40) NOT NULL,
    next_value BIGINT      NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO number_counter (name, next_value) VALUES ('slip', 1);
