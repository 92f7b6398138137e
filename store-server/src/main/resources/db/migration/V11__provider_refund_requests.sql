-- Mobile refunds asked of the payment provider (issue 14): each request is committed on its own
-- before the provider is asked, so a refund the provider made but the store's transaction then lost
-- is asked again under the same reference and amount (the provider answers its first refund), never
-- as a second refund. settled_by is the store's refund that recorded it; NULL while none has.

CREATE TABLE provider_refund_request (
    reference   CHAR(36) CHARACTER SET ascii NOT NULL,
    payment_id  CHAR(36) CHARACTER SET ascii NOT NULL,
    return_id   CHAR(36) CHARACTER SET ascii NOT NULL,
    amount      DECIMAL(19, 2) NOT NULL,
    currency    CHAR(3)        NOT NULL,
    asked_at    DATETIME(6)    NOT NULL,
    settled_by  CHAR(36) CHARACTER SET ascii NULL,
    PRIMARY KEY (reference),
    CONSTRAINT uq_provider_refund_request_settled_by UNIQUE (settled_by),
    CONSTRAINT ck_provider_refund_request_amount CHECK (amount > 0),
    INDEX ix_provider_refund_request_open (payment_id, settled_by)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
