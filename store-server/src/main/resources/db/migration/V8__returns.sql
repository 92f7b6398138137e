-- Returns and exchanges (issue 14): a return of lines of a paid sale, its managers' approvals, the
-- goods received (restocked or written off), and its refunds to the original tenders. A return has
-- its own gapless number; RETURN approvals are bound to the return they approve.

CREATE TABLE sale_return (
    id                 CHAR(36) CHARACTER SET ascii NOT NULL,
    number             BIGINT         NOT NULL,
    sale_id            CHAR(36) CHARACTER SET ascii NOT NULL,
    reason             VARCHAR(16)    NOT NULL,
    -- STAFF_ERROR only: the member the cost is attributed to
    responsible_staff  VARCHAR(16)    NULL,
    terminal_id        VARCHAR(16)    NOT NULL,
    cashier_code       VARCHAR(16)    NOT NULL,
    status             VARCHAR(16)    NOT NULL,
    currency           CHAR(3)        NOT NULL,
    amount             DECIMAL(19, 2) NOT NULL,
    refunded           DECIMAL(19, 2) NOT NULL DEFAULT 0,
    approvals_needed   INT            NOT NULL,
    created_at         DATETIME(6)    NOT NULL,
    approved_at        DATETIME(6)    NULL,
    received_at        DATETIME(6)    NULL,
    refunded_at        DATETIME(6)    NULL,
    -- a return cancelled before its goods were received: when, by whom and why (its units can come back again)
    cancelled_at       DATETIME(6)    NULL,
    cancelled_by       VARCHAR(16)    NULL,
    cancel_reason      VARCHAR(200)   NULL,
    business_date      DATE           NOT NULL,
    red_letter_invoice VARCHAR(20)    NULL,
    exchange_sale_id   CHAR(36) CHARACTER SET ascii NULL,
    version            BIGINT         NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_sale_return_number UNIQUE (number),
    CONSTRAINT fk_sale_return_sale FOREIGN KEY (sale_id) REFERENCES sale (id),
    CONSTRAINT fk_sale_return_responsible FOREIGN KEY (responsible_staff) REFERENCES staff (code),
    CONSTRAINT ck_sale_return_status CHECK (status IN ('REQUESTED', 'APPROVED', 'RECEIVED', 'PARTLY_REFUNDED', 'REFUNDED', 'CANCELLED')
        AND (status <> 'CANCELLED' OR (cancelled_at IS NOT NULL AND received_at IS NULL AND refunded = 0))),
    CONSTRAINT ck_sale_return_reason CHECK (reason IN ('QUALITY', 'CHANGE_OF_MIND', 'STAFF_ERROR')
        AND (reason <> 'STAFF_ERROR' OR responsible_staff IS NOT NULL)),
    CONSTRAINT ck_sale_return_amounts CHECK (amount >= 0 AND refunded >= 0 AND refunded <= amount),
    CONSTRAINT ck_sale_return_approvals CHECK (approvals_needed IN (1, 2)),
    INDEX ix_sale_return_sale (sale_id),
    INDEX ix_sale_return_status (status, received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One returned sale line: how many come back and what the return refunds for them (their share of
-- what was paid, to the fen); then what the inspection found and did (restocked or written off)
CREATE TABLE return_line (
    return_id     CHAR(36) CHARACTER SET ascii NOT NULL,
    sale_line_id  CHAR(36) CHARACTER SET ascii NOT NULL,
    line_no       INT            NOT NULL,
    sku           VARCHAR(32)    NOT NULL,
    barcode       CHAR(13)       NOT NULL,
    name          VARCHAR(120)   NOT NULL,
    spec          VARCHAR(120)   NOT NULL,
    quantity      DECIMAL(19, 3) NOT NULL,
    unit_price    DECIMAL(19, 2) NOT NULL,
    amount        DECIMAL(19, 2) NOT NULL,
    received      DECIMAL(19, 3) NULL,
    disposition   VARCHAR(10)    NULL,
    received_at   DATETIME(6)    NULL,
    PRIMARY KEY (return_id, sale_line_id),
    CONSTRAINT fk_return_line_return FOREIGN KEY (return_id) REFERENCES sale_return (id),
    CONSTRAINT fk_return_line_sale_line FOREIGN KEY (sale_line_id) REFERENCES sale_line (id),
    CONSTRAINT ck_return_line CHECK (quantity > 0 AND amount >= 0 AND (disposition IS NULL OR disposition IN ('RESTOCK', 'WRITE_OFF'))),
    INDEX ix_return_line_sale_line (sale_line_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The managers' approvals a return used: a manager approves a return once
CREATE TABLE return_approval (
    approval_id  CHAR(36) CHARACTER SET ascii NOT NULL,
    return_id    CHAR(36) CHARACTER SET ascii NOT NULL,
    manager_code VARCHAR(16)    NOT NULL,
    approved_at  DATETIME(6)    NOT NULL,
    PRIMARY KEY (approval_id),
    CONSTRAINT uq_return_approval_manager UNIQUE (return_id, manager_code),
    CONSTRAINT fk_return_approval_return FOREIGN KEY (return_id) REFERENCES sale_return (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A refund to one tender: against the original payment it reverses (an exchange names the new sale), in the
-- ledger of the shift it was paid out in; the reference is the card reversal's or the provider's refund id
CREATE TABLE return_refund (
    id               CHAR(36) CHARACTER SET ascii NOT NULL,
    return_id        CHAR(36) CHARACTER SET ascii NOT NULL,
    seq              INT            NOT NULL,
    tender           VARCHAR(10)    NOT NULL,
    amount           DECIMAL(19, 2) NOT NULL,
    currency         CHAR(3)        NOT NULL,
    payment_id       CHAR(36) CHARACTER SET ascii NULL,
    reference        VARCHAR(64)    NULL,
    shift_id         CHAR(36) CHARACTER SET ascii NULL,
    exchange_sale_id CHAR(36) CHARACTER SET ascii NULL,
    staff_code       VARCHAR(16)    NOT NULL,
    terminal_id      VARCHAR(16)    NOT NULL,
    refunded_at      DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_return_refund_seq UNIQUE (return_id, seq),
    CONSTRAINT fk_return_refund_return FOREIGN KEY (return_id) REFERENCES sale_return (id),
    CONSTRAINT fk_return_refund_payment FOREIGN KEY (payment_id) REFERENCES payment (id),
    -- a negative amount only reverses an exchange's credit whose new sale was cancelled (reference: the credit's id)
    CONSTRAINT ck_return_refund CHECK ((amount > 0 OR (amount < 0 AND tender = 'EXCHANGE'))
        AND tender IN ('CASH', 'CARD', 'CHECK', 'MOBILE', 'EXCHANGE')),
    INDEX ix_return_refund_payment (payment_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The pieces a cash refund paid out of the drawer
CREATE TABLE return_refund_cash_count (
    refund_id    CHAR(36) CHARACTER SET ascii NOT NULL,
    denomination DECIMAL(19, 2) NOT NULL,
    count        INT            NOT NULL,
    PRIMARY KEY (refund_id, denomination),
    CONSTRAINT fk_return_refund_cash_count_refund FOREIGN KEY (refund_id) REFERENCES return_refund (id),
    CONSTRAINT ck_return_refund_cash_count CHECK (count > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Refunds are never changed: a correction is a new record
CREATE TRIGGER return_refund_is_immutable_update BEFORE UPDATE ON return_refund FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a refund is never changed';
CREATE TRIGGER return_refund_is_immutable_delete BEFORE DELETE ON return_refund FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a refund is never deleted';

-- A RETURN approval names the return it approves
ALTER TABLE approval
    ADD COLUMN return_id CHAR(36) CHARACTER SET ascii NULL AFTER sale_id;

INSERT INTO number_counter (name, next_value) VALUES ('return', 1);

-- An EXCHANGE tender of a new sale names the return whose credit it applies
ALTER TABLE payment
    ADD COLUMN return_id CHAR(36) CHARACTER SET ascii NULL;
