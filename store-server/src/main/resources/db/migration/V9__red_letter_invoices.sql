-- Red-letter invoices (红字发票) for returns (issue 14): an invoice of kind RED_LETTER takes the next number of the
-- invoice counter, cites the ISSUED invoice it corrects (original_number, never altered) and is issued once per return.
-- Its quantities and amounts are negative (the returned goods at the refunded amount); the refunded amount need not be
-- quantity x unit price to the fen (pro-rata discounts), so that check binds positive (normal) lines only.
ALTER TABLE invoice
    ADD COLUMN kind            VARCHAR(12) NOT NULL DEFAULT 'NORMAL' AFTER seq,
    ADD COLUMN original_number VARCHAR(20) NULL AFTER kind,
    ADD COLUMN return_id       CHAR(36) CHARACTER SET ascii NULL AFTER original_number,
    MODIFY remark VARCHAR(60) NOT NULL,
    ADD CONSTRAINT uq_invoice_return UNIQUE (return_id),
    ADD CONSTRAINT fk_invoice_original FOREIGN KEY (original_number) REFERENCES invoice (number),
    ADD CONSTRAINT ck_invoice_kind CHECK (
        (kind = 'NORMAL' AND original_number IS NULL AND return_id IS NULL AND total >= 0)
        OR (kind = 'RED_LETTER' AND original_number IS NOT NULL AND return_id IS NOT NULL AND total < 0));

CREATE INDEX ix_invoice_original ON invoice (original_number);

ALTER TABLE invoice_line
    ADD COLUMN sale_line_id CHAR(36) CHARACTER SET ascii NULL AFTER position,
    DROP CONSTRAINT ck_invoice_line_amount,
    ADD CONSTRAINT ck_invoice_line_amount CHECK (net + tax = amount
        AND ((quantity >= 0 AND amount = quantity * unit_price) OR (quantity < 0 AND amount <= 0 AND unit_price >= 0)));
