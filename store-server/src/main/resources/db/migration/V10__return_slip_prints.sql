-- The return slip (退货单, issue 14): its first print is the original, every later one a copy marked
-- 副本, as the paid slip's (slip_first_print). One row per return, written when it first prints.

CREATE TABLE return_slip_first_print (
    return_id   CHAR(36) CHARACTER SET ascii NOT NULL,
    printed_at  DATETIME(6)    NOT NULL,
    as_copy     BOOLEAN        NOT NULL,
    printed_by  VARCHAR(16)    NOT NULL,
    terminal_id VARCHAR(16)    NULL,
    PRIMARY KEY (return_id),
    CONSTRAINT fk_return_slip_first_print_return FOREIGN KEY (return_id) REFERENCES sale_return (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
