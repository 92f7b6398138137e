-- Terminals that keep selling while the store is away: the price a product had at any instant (an
-- offline sale is checked against the price of its time), a catalog version per product change (a
-- terminal fetches only what changed since its snapshot), and each terminal's signing key and the
-- sales it last reported as not yet sent.

-- The catalog's change counter: one row. Every write of a product row updates it (the triggers
-- below), and that row lock is held until the writer commits, so writers of the catalog take turns:
-- the version numbers commit in the order they are taken, and a reader that sees version V has
-- every change numbered up to V committed.
CREATE TABLE catalog_version (
    id      TINYINT NOT NULL,
    version BIGINT  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_catalog_version_one_row CHECK (id = 1)
) ENGINE = InnoDB;

ALTER TABLE product ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
UPDATE product p JOIN (SELECT sku, ROW_NUMBER() OVER (ORDER BY sku) AS n FROM product) numbered ON numbered.sku = p.sku
SET p.version = numbered.n;
ALTER TABLE product ADD CONSTRAINT uq_product_version UNIQUE (version);
INSERT INTO catalog_version (id, version) SELECT 1, COALESCE(MAX(version), 0) FROM product;

-- The shelf price of a product from an instant (UTC, as every DATETIME(6) of this schema: the house's
-- instants, where a TIMESTAMP would move with the session's time zone) until the next row's.
-- The products of before this history are priced as now since long ago.
CREATE TABLE product_price (
    sku            VARCHAR(32)    NOT NULL,
    effective_from DATETIME(6)    NOT NULL,
    price          DECIMAL(19, 2) NOT NULL,
    currency       CHAR(3)        NOT NULL,
    PRIMARY KEY (sku, effective_from),
    CONSTRAINT fk_product_price_product FOREIGN KEY (sku) REFERENCES product (sku),
    CONSTRAINT ck_product_price_price CHECK (price >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO product_price (sku, effective_from, price, currency)
SELECT sku, '2000-01-01 00:00:00', price, currency FROM product;

-- Triggers, not application code: a product changes through the master data import, an operator's SQL
-- or a test's, and a terminal's delta or an offline sale's price must miss none of them.
CREATE TRIGGER product_takes_catalog_version_on_insert BEFORE INSERT ON product FOR EACH ROW
BEGIN
    UPDATE catalog_version SET version = version + 1 WHERE id = 1;
    SET NEW.version = (SELECT version FROM catalog_version WHERE id = 1);
END;

CREATE TRIGGER product_takes_catalog_version_on_update BEFORE UPDATE ON product FOR EACH ROW
BEGIN
    UPDATE catalog_version SET version = version + 1 WHERE id = 1;
    SET NEW.version = (SELECT version FROM catalog_version WHERE id = 1);
END;

-- Two changes of one product in the same microsecond: the later price is the one that stood
CREATE TRIGGER product_price_history_on_insert AFTER INSERT ON product FOR EACH ROW
    INSERT INTO product_price (sku, effective_from, price, currency)
    VALUES (NEW.sku, UTC_TIMESTAMP(6), NEW.price, NEW.currency)
    ON DUPLICATE KEY UPDATE price = NEW.price, currency = NEW.currency;

CREATE TRIGGER product_price_history_on_update AFTER UPDATE ON product FOR EACH ROW
BEGIN
    IF NEW.price <> OLD.price OR NEW.currency <> OLD.currency THEN
        INSERT INTO product_price (sku, effective_from, price, currency)
        VALUES (NEW.sku, UTC_TIMESTAMP(6), NEW.price, NEW.currency)
        ON DUPLICATE KEY UPDATE price = NEW.price, currency = NEW.currency;
    END IF;
END;

-- A counter terminal's Ed25519 public key (X.509 SubjectPublicKeyInfo), with which the store checks
-- the requests it signs while no one may be logged in at the store, and the sales it last said it
-- still has to send. A row may report before any key is enrolled (a terminal working with sessions).
CREATE TABLE terminal_key (
    terminal_id       VARCHAR(16)   NOT NULL,
    public_key        VARBINARY(128) NULL,
    enrolled_by       VARCHAR(16)   NULL,
    enrolled_at       DATETIME(6)   NULL,
    pending_documents INT           NOT NULL DEFAULT 0,
    reported_at       DATETIME(6)   NULL,
    PRIMARY KEY (terminal_id),
    CONSTRAINT fk_terminal_key_terminal FOREIGN KEY (terminal_id) REFERENCES terminal (id),
    CONSTRAINT ck_terminal_key_pending CHECK (pending_documents >= 0),
    CONSTRAINT ck_terminal_key_enrolled CHECK (public_key IS NULL OR (enrolled_by IS NOT NULL AND enrolled_at IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
