-- Shifts and the store's day: a terminal's shift with its opening float and its cash ledger kept as
-- running totals while sales post (so that an X or Z report reads one row however busy the shift),
-- cash movements, the close with its blind count and graded difference, the cashier's record of
-- cash violations, the day close, monthly targets and their split; products gain a category and
-- sales the associate who served the customer.

ALTER TABLE product
    ADD COLUMN category VARCHAR(60) NOT NULL DEFAULT '' AFTER colour;

CREATE TABLE shift (
    id             CHAR(36) CHARACTER SET ascii NOT NULL,
    terminal_id    VARCHAR(16)    NOT NULL,
    opened_by      VARCHAR(16)    NOT NULL,
    status         VARCHAR(8)     NOT NULL,
    -- one open shift per terminal: the key holds the terminal only while the shift is open
    open_terminal  VARCHAR(16) AS (IF(status = 'OPEN', terminal_id, NULL)) PERSISTENT,
    currency       CHAR(3)        NOT NULL,
    business_date  DATE           NOT NULL,
    opened_at      DATETIME(6)    NOT NULL,
    float_amount   DECIMAL(19, 2) NOT NULL,
    -- the ledger, kept as sales, payments and movements post
    sales_count     INT            NOT NULL DEFAULT 0,
    sales_amount    DECIMAL(19, 2) NOT NULL DEFAULT 0,
    discount_amount DECIMAL(19, 2) NOT NULL DEFAULT 0,
    voided_lines    INT            NOT NULL DEFAULT 0,
    voided_amount   DECIMAL(19, 2) NOT NULL DEFAULT 0,
    cancelled_count INT            NOT NULL DEFAULT 0,
    cancelled_amount DECIMAL(19, 2) NOT NULL DEFAULT 0,
    cash_count      INT            NOT NULL DEFAULT 0,
    cash_received   DECIMAL(19, 2) NOT NULL DEFAULT 0,
    cash_applied    DECIMAL(19, 2) NOT NULL DEFAULT 0,
    change_given    DECIMAL(19, 2) NOT NULL DEFAULT 0,
    cash_waived     DECIMAL(19, 2) NOT NULL DEFAULT 0,
    card_count      INT            NOT NULL DEFAULT 0,
    card_amount     DECIMAL(19, 2) NOT NULL DEFAULT 0,
    check_count     INT            NOT NULL DEFAULT 0,
    check_amount    DECIMAL(19, 2) NOT NULL DEFAULT 0,
    mobile_count    INT            NOT NULL DEFAULT 0,
    mobile_amount   DECIMAL(19, 2) NOT NULL DEFAULT 0,
    cash_refunds    DECIMAL(19, 2) NOT NULL DEFAULT 0,
    card_refunds    DECIMAL(19, 2) NOT NULL DEFAULT 0,
    check_refunds   DECIMAL(19, 2) NOT NULL DEFAULT 0,
    mobile_refunds  DECIMAL(19, 2) NOT NULL DEFAULT 0,
    rejected_notes  INT            NOT NULL DEFAULT 0,
    rejected_amount DECIMAL(19, 2) NOT NULL DEFAULT 0,
    no_sales        INT            NOT NULL DEFAULT 0,
    pay_ins         DECIMAL(19, 2) NOT NULL DEFAULT 0,
    pay_outs        DECIMAL(19, 2) NOT NULL DEFAULT 0,
    drops           DECIMAL(19, 2) NOT NULL DEFAULT 0,
    -- the close: counted blind, compared, graded; never edited afterwards
    closed_at      DATETIME(6)    NULL,
    closed_by      VARCHAR(16)    NULL,
    expected_cash  DECIMAL(19, 2) NULL,
    counted_cash   DECIMAL(19, 2) NULL,
    difference     DECIMAL(19, 2) NULL,
    error_level    VARCHAR(8)     NULL,
    approved_by    VARCHAR(16)    NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_shift_open_terminal UNIQUE (open_terminal),
    CONSTRAINT fk_shift_terminal FOREIGN KEY (terminal_id) REFERENCES terminal (id),
    CONSTRAINT fk_shift_opened_by FOREIGN KEY (opened_by) REFERENCES staff (code),
    CONSTRAINT ck_shift_status CHECK (status IN ('OPEN', 'CLOSED')),
    CONSTRAINT ck_shift_closed CHECK (status = 'OPEN' OR (closed_at IS NOT NULL AND counted_cash IS NOT NULL
        AND expected_cash IS NOT NULL AND difference = counted_cash - expected_cash AND error_level IS NOT NULL)),
    INDEX ix_shift_day (business_date, status),
    INDEX ix_shift_terminal (terminal_id, opened_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The float at opening and the count at close, by denomination
CREATE TABLE shift_cash_count (
    shift_id     CHAR(36) CHARACTER SET ascii NOT NULL,
    kind         VARCHAR(8)     NOT NULL,
    denomination DECIMAL(19, 2) NOT NULL,
    count        INT            NOT NULL,
    PRIMARY KEY (shift_id, kind, denomination),
    CONSTRAINT fk_shift_cash_count_shift FOREIGN KEY (shift_id) REFERENCES shift (id),
    CONSTRAINT ck_shift_cash_count CHECK (count >= 0 AND kind IN ('FLOAT', 'CLOSE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Drops to the safe, pay-ins and pay-outs, each with its reason and, where needed, its approver
CREATE TABLE cash_movement (
    id          CHAR(36) CHARACTER SET ascii NOT NULL,
    shift_id    CHAR(36) CHARACTER SET ascii NOT NULL,
    type        VARCHAR(8)     NOT NULL,
    amount      DECIMAL(19, 2) NOT NULL,
    currency    CHAR(3)        NOT NULL,
    reason      VARCHAR(200)   NOT NULL,
    staff_code  VARCHAR(16)    NOT NULL,
    approved_by VARCHAR(16)    NULL,
    created_at  DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_cash_movement_shift FOREIGN KEY (shift_id) REFERENCES shift (id),
    CONSTRAINT ck_cash_movement CHECK (amount > 0 AND type IN ('DROP', 'PAY_IN', 'PAY_OUT')),
    INDEX ix_cash_movement_shift (shift_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The cashier's performance record of cash violations: the n-th of the calendar year, graded
CREATE TABLE cash_violation (
    shift_id     CHAR(36) CHARACTER SET ascii NOT NULL,
    staff_code   VARCHAR(16)    NOT NULL,
    year         INT            NOT NULL,
    number       INT            NOT NULL,
    difference   DECIMAL(19, 2) NOT NULL,
    error_level  VARCHAR(8)     NOT NULL,
    recorded_at  DATETIME(6)    NOT NULL,
    PRIMARY KEY (shift_id),
    CONSTRAINT uq_cash_violation_number UNIQUE (staff_code, year, number),
    CONSTRAINT fk_cash_violation_shift FOREIGN KEY (shift_id) REFERENCES shift (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The manager's close of a business day, with the daily report as it stood
CREATE TABLE day_close (
    business_date DATE         NOT NULL,
    closed_by     VARCHAR(16)  NOT NULL,
    closed_at     DATETIME(6)  NOT NULL,
    report        LONGTEXT     NOT NULL,
    PRIMARY KEY (business_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The store's running totals per business day, added to as sales post (a sale once, when it is stamped
-- paid; a voided line or a cancelled sale when it happens), so that a day's, week's or month's report
-- reads totals instead of re-adding every sale. kind: SALES (name ''), HOUR ('00'..'23', in the store's
-- zone), STAFF (the associate credited, else the cashier), TENDER, ITEM (sku), VOID, CANCEL.
CREATE TABLE day_figure (
    business_date DATE           NOT NULL,
    kind          VARCHAR(8)     NOT NULL,
    name          VARCHAR(64)    NOT NULL,
    n             INT            NOT NULL,
    units         DECIMAL(19, 3) NOT NULL,
    amount        DECIMAL(19, 2) NOT NULL,
    list_amount   DECIMAL(19, 2) NOT NULL,
    PRIMARY KEY (business_date, kind, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The store's monthly target and its split across staff (目标分解)
CREATE TABLE sales_target (
    month      CHAR(7)        NOT NULL,
    amount     DECIMAL(19, 2) NOT NULL,
    currency   CHAR(3)        NOT NULL,
    set_by     VARCHAR(16)    NOT NULL,
    set_at     DATETIME(6)    NOT NULL,
    PRIMARY KEY (month),
    CONSTRAINT ck_sales_target CHECK (amount >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE sales_target_share (
    month      CHAR(7)        NOT NULL,
    staff_code VARCHAR(16)    NOT NULL,
    amount     DECIMAL(19, 2) NOT NULL,
    PRIMARY KEY (month, staff_code),
    CONSTRAINT fk_sales_target_share_staff FOREIGN KEY (staff_code) REFERENCES staff (code),
    CONSTRAINT ck_sales_target_share CHECK (amount >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE sale
    ADD COLUMN shift_id       CHAR(36) CHARACTER SET ascii NULL AFTER terminal_id,
    ADD COLUMN associate_code VARCHAR(16) NULL AFTER cashier_code,
    ADD CONSTRAINT fk_sale_shift FOREIGN KEY (shift_id) REFERENCES shift (id),
    ADD INDEX ix_sale_shift (shift_id, status);

ALTER TABLE approval
    ADD COLUMN shift_id CHAR(36) CHARACTER SET ascii NULL AFTER sale_id;

-- A closed shift is posted: its ledger, count and grade are never changed, and it is never deleted
CREATE TRIGGER shift_closed_is_immutable BEFORE UPDATE ON shift FOR EACH ROW
BEGIN
    IF OLD.status = 'CLOSED' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a closed shift is never changed';
    END IF;
END;
CREATE TRIGGER shift_is_never_deleted BEFORE DELETE ON shift FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a shift is never deleted';
CREATE TRIGGER shift_cash_count_is_immutable_update BEFORE UPDATE ON shift_cash_count FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a cash count is never changed';
CREATE TRIGGER shift_cash_count_is_immutable_delete BEFORE DELETE ON shift_cash_count FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a cash count is never deleted';
CREATE TRIGGER cash_movement_is_immutable_update BEFORE UPDATE ON cash_movement FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a cash movement is never changed';
CREATE TRIGGER cash_movement_is_immutable_delete BEFORE DELETE ON cash_movement FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a cash movement is never deleted';
CREATE TRIGGER cash_violation_is_immutable_update BEFORE UPDATE ON cash_violation FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a performance record is never changed';
CREATE TRIGGER cash_violation_is_immutable_delete BEFORE DELETE ON cash_violation FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a performance record is never deleted';
CREATE TRIGGER day_close_is_immutable_update BEFORE UPDATE ON day_close FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a closed day is never changed';
