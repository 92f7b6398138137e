-- The whole counter flow: login throttling, one-shot approvals, the append-only audit log,
-- discounts and voids on lines, card and check tenders with check clearance, invoices (fapiao)
-- with their voids, packing and deliveries.

-- Wrong PINs per (staff code, terminal): a growing delay, then a temporary lock. Codes that do not
-- exist are throttled the same way, so the answers never tell whether a code exists.
CREATE TABLE login_throttle (
    staff_code      VARCHAR(16) NOT NULL,
    terminal_id     VARCHAR(16) NOT NULL,
    failures        INT         NOT NULL,
    last_failure_at DATETIME(6) NOT NULL,
    locked_until    DATETIME(6) NULL,
    PRIMARY KEY (staff_code, terminal_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A manager's one-shot approval, bound to one action (and sale), valid for minutes
CREATE TABLE approval (
    id           CHAR(36) CHARACTER SET ascii NOT NULL,
    action       VARCHAR(20) NOT NULL,
    sale_id      CHAR(36) CHARACTER SET ascii NULL,
    requested_by VARCHAR(16) NOT NULL,
    approved_by  VARCHAR(16) NOT NULL,
    terminal_id  VARCHAR(16) NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    expires_at   DATETIME(6) NOT NULL,
    used_at      DATETIME(6) NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_approval_approver FOREIGN KEY (approved_by) REFERENCES staff (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who asked, who approved, what, when (UTC) and from which terminal. Never changed, never deleted.
CREATE TABLE audit_entry (
    seq          BIGINT       NOT NULL AUTO_INCREMENT,
    at           DATETIME(6)  NOT NULL,
    event        VARCHAR(40)  NOT NULL,
    requested_by VARCHAR(16)  NULL,
    approved_by  VARCHAR(16)  NULL,
    terminal_id  VARCHAR(16)  NULL,
    sale_id      CHAR(36) CHARACTER SET ascii NULL,
    subject      VARCHAR(60)  NULL,
    detail       VARCHAR(500) NOT NULL,
    PRIMARY KEY (seq),
    INDEX ix_audit_entry_at (at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER audit_entry_is_append_only_update BEFORE UPDATE ON audit_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the audit log is append-only';
CREATE TRIGGER audit_entry_is_append_only_delete BEFORE DELETE ON audit_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the audit log is append-only';

-- Lines: the price before discounts (list price or an approved override), the line discount, the void
ALTER TABLE sale_line
    ADD COLUMN base_price       DECIMAL(19, 2) NULL AFTER list_price,
    ADD COLUMN discount_rate    DECIMAL(7, 6)  NOT NULL DEFAULT 0 AFTER base_price,
    ADD COLUMN voided_at        DATETIME(6)    NULL,
    ADD COLUMN voided_by        VARCHAR(16)    NULL;
UPDATE sale_line SET base_price = unit_price;
ALTER TABLE sale_line MODIFY base_price DECIMAL(19, 2) NOT NULL;

ALTER TABLE sale
    ADD COLUMN order_discount_rate DECIMAL(7, 6) NOT NULL DEFAULT 0 AFTER currency,
    ADD COLUMN packed_at           DATETIME(6)   NULL AFTER paid_at,
    ADD COLUMN cancelled_at        DATETIME(6)   NULL AFTER completed_at,
    -- COUNTER: built step by step; DOCUMENT: submitted whole by a terminal (a replay answers with the sale)
    ADD COLUMN origin              VARCHAR(10)   NOT NULL DEFAULT 'COUNTER' AFTER cashier_code,
    -- when the goods left the stock, held for the customer (also while a check waits to clear)
    ADD COLUMN goods_taken_at      DATETIME(6)   NULL AFTER cancelled_at,
    ADD CONSTRAINT ck_sale_origin CHECK (origin IN ('COUNTER', 'DOCUMENT'));

-- Card: only amount, auth code, terminal reference and last four digits. Check: number and bank.
ALTER TABLE payment
    ADD COLUMN auth_code          VARCHAR(20) NULL,
    ADD COLUMN last4              CHAR(4)     NULL,
    ADD COLUMN terminal_reference VARCHAR(40) NULL,
    ADD COLUMN check_number       VARCHAR(30) NULL,
    ADD COLUMN bank               VARCHAR(60) NULL,
    -- rounding: what the store waived (抹零) when cash cannot pay the last fen; received + rounding = applied + change
    ADD COLUMN rounding           DECIMAL(19, 2) NOT NULL DEFAULT 0 AFTER change_given,
    DROP CONSTRAINT ck_payment_amounts,
    ADD CONSTRAINT ck_payment_amounts CHECK (received >= 0 AND applied >= 0 AND change_given >= 0
        AND applied + change_given = received + rounding);

-- A manager's record that a check's funds cleared or that it bounced; the payment itself stays as taken
CREATE TABLE check_clearance (
    payment_id CHAR(36) CHARACTER SET ascii NOT NULL,
    outcome    VARCHAR(8)  NOT NULL,
    decided_by VARCHAR(16) NOT NULL,
    decided_at DATETIME(6) NOT NULL,
    PRIMARY KEY (payment_id),
    CONSTRAINT fk_check_clearance_payment FOREIGN KEY (payment_id) REFERENCES payment (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Invoices (发票): issued once, never edited; a void is a record of its own, and the number stays used
CREATE TABLE invoice (
    number         VARCHAR(20)    NOT NULL,
    seq            BIGINT         NOT NULL,
    id             CHAR(36) CHARACTER SET ascii NOT NULL,
    sale_id        CHAR(36) CHARACTER SET ascii NOT NULL,
    issued_on      DATE           NOT NULL,
    issued_at      DATETIME(6)    NOT NULL,
    remark         VARCHAR(40)    NOT NULL,
    buyer_name     VARCHAR(100)   NOT NULL,
    buyer_address  VARCHAR(200)   NOT NULL,
    buyer_phone    VARCHAR(20)    NOT NULL,
    buyer_tax_id   VARCHAR(20)    NULL,
    signature      VARCHAR(100)   NULL,
    currency       CHAR(3)        NOT NULL,
    net            DECIMAL(19, 2) NOT NULL,
    tax            DECIMAL(19, 2) NOT NULL,
    total          DECIMAL(19, 2) NOT NULL,
    total_in_words VARCHAR(120)   NOT NULL,
    issuer         VARCHAR(80)    NOT NULL,
    payee          VARCHAR(80)    NOT NULL,
    PRIMARY KEY (number),
    CONSTRAINT uq_invoice_seq UNIQUE (seq),
    CONSTRAINT uq_invoice_id UNIQUE (id),
    CONSTRAINT fk_invoice_sale FOREIGN KEY (sale_id) REFERENCES sale (id),
    CONSTRAINT ck_invoice_sum CHECK (net + tax = total)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE invoice_line (
    invoice_number VARCHAR(20)    NOT NULL,
    position       INT            NOT NULL,
    name           VARCHAR(120)   NOT NULL,
    brand          VARCHAR(60)    NOT NULL,
    model          VARCHAR(60)    NOT NULL,
    spec           VARCHAR(120)   NOT NULL,
    colour         VARCHAR(40)    NOT NULL,
    unit           VARCHAR(8)     NOT NULL,
    quantity       DECIMAL(19, 3) NOT NULL,
    unit_price     DECIMAL(19, 2) NOT NULL,
    amount         DECIMAL(19, 2) NOT NULL,
    vat_rate       DECIMAL(5, 4)  NOT NULL,
    net            DECIMAL(19, 2) NOT NULL,
    tax            DECIMAL(19, 2) NOT NULL,
    PRIMARY KEY (invoice_number, position),
    CONSTRAINT fk_invoice_line_invoice FOREIGN KEY (invoice_number) REFERENCES invoice (number),
    CONSTRAINT ck_invoice_line_amount CHECK (amount = quantity * unit_price AND net + tax = amount)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE invoice_void (
    invoice_number VARCHAR(20)  NOT NULL,
    reason         VARCHAR(200) NOT NULL,
    approval_id    CHAR(36) CHARACTER SET ascii NOT NULL,
    voided_by      VARCHAR(16)  NOT NULL,
    voided_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (invoice_number),
    CONSTRAINT fk_invoice_void_invoice FOREIGN KEY (invoice_number) REFERENCES invoice (number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER invoice_is_immutable_update BEFORE UPDATE ON invoice FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'an issued invoice is never changed: void it and issue a new one';
CREATE TRIGGER invoice_is_immutable_delete BEFORE DELETE ON invoice FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'an issued invoice and its number are kept forever';
CREATE TRIGGER invoice_line_is_immutable_update BEFORE UPDATE ON invoice_line FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'an issued invoice is never changed';
CREATE TRIGGER invoice_line_is_immutable_delete BEFORE DELETE ON invoice_line FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'an issued invoice is never changed';
CREATE TRIGGER invoice_void_is_immutable_update BEFORE UPDATE ON invoice_void FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a void is never changed';
CREATE TRIGGER invoice_void_is_immutable_delete BEFORE DELETE ON invoice_void FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a void is never undone';

INSERT INTO number_counter (name, next_value) VALUES ('invoice', 1);

-- Delivery requests and the history of their status
CREATE TABLE delivery (
    id           CHAR(36) CHARACTER SET ascii NOT NULL,
    sale_id      CHAR(36) CHARACTER SET ascii NOT NULL,
    contact      VARCHAR(80)  NOT NULL,
    phone        VARCHAR(20)  NOT NULL,
    address      VARCHAR(200) NOT NULL,
    window_from  DATETIME     NOT NULL,
    window_to    DATETIME     NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    requested_by VARCHAR(16)  NOT NULL,
    requested_at DATETIME(6)  NOT NULL,
    version      BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_delivery_sale FOREIGN KEY (sale_id) REFERENCES sale (id),
    CONSTRAINT ck_delivery_window CHECK (window_from < window_to)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE delivery_status_change (
    delivery_id CHAR(36) CHARACTER SET ascii NOT NULL,
    position    INT          NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    changed_by  VARCHAR(16)  NOT NULL,
    changed_at  DATETIME(6)  NOT NULL,
    note        VARCHAR(200) NULL,
    PRIMARY KEY (delivery_id, position),
    CONSTRAINT fk_delivery_status_change_delivery FOREIGN KEY (delivery_id) REFERENCES delivery (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A completed sale is posted: corrections (returns) are new records, the sale row never changes again
CREATE TRIGGER sale_posted_is_immutable BEFORE UPDATE ON sale FOR EACH ROW
BEGIN
    IF OLD.status = 'COMPLETED' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a completed sale is never changed: record a return instead';
    END IF;
END;

-- Tenders are never changed once taken (a check's outcome is a record of its own)
CREATE TRIGGER payment_is_immutable_update BEFORE UPDATE ON payment FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a payment is never changed';
CREATE TRIGGER payment_is_immutable_delete BEFORE DELETE ON payment FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a payment is never deleted';
CREATE TRIGGER payment_cash_count_is_immutable_update BEFORE UPDATE ON payment_cash_count FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a cash count is never changed';
CREATE TRIGGER payment_cash_count_is_immutable_delete BEFORE DELETE ON payment_cash_count FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a cash count is never deleted';
CREATE TRIGGER rejected_note_is_immutable_update BEFORE UPDATE ON rejected_note FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a rejected note is never changed';
CREATE TRIGGER rejected_note_is_immutable_delete BEFORE DELETE ON rejected_note FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a rejected note is never deleted';
CREATE TRIGGER check_clearance_is_immutable_update BEFORE UPDATE ON check_clearance FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a check clearance is never changed';
CREATE TRIGGER check_clearance_is_immutable_delete BEFORE DELETE ON check_clearance FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a check clearance is never deleted';

-- The lines of a completed sale are posted with it
CREATE TRIGGER sale_line_posted_is_immutable BEFORE UPDATE ON sale_line FOR EACH ROW
BEGIN
    IF (SELECT status FROM sale WHERE id = OLD.sale_id) = 'COMPLETED' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a completed sale is never changed: record a return instead';
    END IF;
END;
