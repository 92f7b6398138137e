-- Wrong passwords per HQ staff code: free attempts, then a doubling delay, then a temporary lock.
-- Codes that do not exist are throttled just the same, so no answer tells which codes exist.
CREATE TABLE hq_login_throttle (
    staff_code      VARCHAR(16) NOT NULL,
    failures        INT         NOT NULL DEFAULT 0,
    last_failure_at DATETIME(6) NULL,
    locked_until    DATETIME(6) NULL,
    PRIMARY KEY (staff_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every refused login, only ever inserted: a wrong code or password, or an attempt refused while
-- slowed down or locked. No foreign key: the code may not exist.
CREATE TABLE hq_login_failure (
    seq        BIGINT       NOT NULL AUTO_INCREMENT,
    staff_code VARCHAR(16)  NOT NULL,
    failed_at  DATETIME(6)  NOT NULL,
    outcome    VARCHAR(20)  NOT NULL,
    failures   INT          NOT NULL,
    detail     VARCHAR(200) NULL,
    PRIMARY KEY (seq),
    INDEX ix_hq_login_failure_code (staff_code, failed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
