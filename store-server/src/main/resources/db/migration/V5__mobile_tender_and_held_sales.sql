-- Mobile payments (WeChat Pay, Alipay) charged through the store's payment gateway, and sales put
-- on hold at the counter (挂单) to be recalled later (取单).

-- A mobile tender keeps the provider's channel and transaction id; the customer's payment code
-- (付款码) is a one-time credential and is never stored anywhere. A NULL channel would pass the IN
-- test (a CHECK fails only on false), hence IS NOT NULL. A provider's transaction is paid into one
-- payment only.
ALTER TABLE payment
    ADD COLUMN channel        VARCHAR(8)  NULL,
    ADD COLUMN transaction_id VARCHAR(64) NULL,
    ADD CONSTRAINT ck_payment_mobile CHECK (tender <> 'MOBILE'
        OR (channel IS NOT NULL AND channel IN ('WECHAT', 'ALIPAY') AND transaction_id IS NOT NULL)),
    ADD UNIQUE KEY uk_payment_transaction (channel, transaction_id);

-- Each charge sent to the payment gateway, recorded in a transaction of its own before the gateway is
-- called, under the store's payment id (the merchant reference): a retry finds it and asks the
-- gateway what became of it instead of charging the customer again
CREATE TABLE mobile_charge (
    payment_id     CHAR(36) CHARACTER SET ascii NOT NULL,
    sale_id        CHAR(36) CHARACTER SET ascii NOT NULL,
    channel        VARCHAR(8)     NOT NULL,
    amount         DECIMAL(19, 2) NOT NULL,
    currency       CHAR(3)        NOT NULL,
    gateway        VARCHAR(32)    NOT NULL,
    staff_code     VARCHAR(16)    NOT NULL,
    terminal_id    VARCHAR(16)    NOT NULL,
    status         VARCHAR(8)     NOT NULL,
    transaction_id VARCHAR(64)    NULL,
    decline_reason VARCHAR(200)   NULL,
    sent_at        DATETIME(6)    NOT NULL,
    decided_at     DATETIME(6)    NULL,
    PRIMARY KEY (payment_id),
    CONSTRAINT fk_mobile_charge_sale FOREIGN KEY (sale_id) REFERENCES sale (id),
    CONSTRAINT ck_mobile_charge CHECK (amount > 0 AND channel IN ('WECHAT', 'ALIPAY') AND status IN ('SENT', 'APPROVED', 'DECLINED')
        AND (status <> 'APPROVED' OR transaction_id IS NOT NULL)),
    INDEX ix_mobile_charge_sale (sale_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 挂单: a held sale keeps its status; held_at says since when it waits to be recalled at its terminal.
-- The day's list reads a day (of a terminal) newest first: both orders are indexed.
ALTER TABLE sale
    ADD COLUMN held_at DATETIME(6) NULL,
    ADD INDEX ix_sale_held (terminal_id, held_at),
    ADD INDEX ix_sale_day_terminal_opened (business_date, terminal_id, opened_at),
    ADD INDEX ix_sale_day_opened (business_date, opened_at);

-- The first print of a paid slip, a row of its own (a completed sale's row never changes): that print
-- was the original unless a copy was asked for, and every later print is a copy (副本).
CREATE TABLE slip_first_print (
    sale_id     CHAR(36) CHARACTER SET ascii NOT NULL,
    printed_at  DATETIME(6)    NOT NULL,
    as_copy     BOOLEAN        NOT NULL,
    printed_by  VARCHAR(16)    NOT NULL,
    terminal_id VARCHAR(16)    NULL,
    PRIMARY KEY (sale_id),
    CONSTRAINT fk_slip_first_print_sale FOREIGN KEY (sale_id) REFERENCES sale (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
