-- Sales a terminal made (offline) that the store refused: the terminal keeps each with the store's
-- reason and reports them with its state, so that the store manager sees them on the manager's
-- page and settles each (the goods were sold and the cash taken: it is put right by hand). A row
-- the terminal stops reporting (a manager had it sent again and the store took it) is withdrawn.
CREATE TABLE terminal_refused_sale (
    sale_id         CHAR(36) CHARACTER SET ascii NOT NULL,
    terminal_id     VARCHAR(16)    NOT NULL,
    cashier_code    VARCHAR(16)    NOT NULL,
    created_at      VARCHAR(40)    NOT NULL,
    status          INT            NOT NULL,
    problem_type    VARCHAR(120)   NOT NULL,
    reason          VARCHAR(1000)  NOT NULL,
    document        MEDIUMTEXT     NOT NULL,
    refused_at      VARCHAR(40)    NOT NULL,
    reported_at     DATETIME(6)    NOT NULL,
    withdrawn_at    DATETIME(6)    NULL,
    resolved_at     DATETIME(6)    NULL,
    resolved_by     VARCHAR(16)    NULL,
    resolution_note VARCHAR(500)   NULL,
    PRIMARY KEY (sale_id),
    KEY ix_terminal_refused_sale_open (resolved_at, withdrawn_at, terminal_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
