package org.guitai.hq.staff.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One refused HQ login, kept for the record; it does not say whether the code exists. */
@Entity
@Table(name = "hq_login_failure")
public class LoginFailure {

    public enum Outcome {
        /** a wrong code or password */
        INVALID_CREDENTIALS,
        /** the wrong password that locked the code */
        LOCKED,
        /** refused before the password was checked: too soon after the last failure */
        REFUSED_SLOWED,
        /** refused before the password was checked: the code is locked */
        REFUSED_LOCKED
    }

    private static final int DETAIL_LENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "seq")
    private Long seq;

    @Column(name = "staff_code")
    private String staffCode;

    @Column(name = "failed_at")
    private Instant failedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome")
    private Outcome outcome;

    @Column(name = "failures")
    private int failures;

    @Column(name = "detail")
    private String detail;

    protected LoginFailure() {
    }

    public LoginFailure(String staffCode, Instant failedAt, Outcome outcome, int failures, String detail) {
        this.staffCode = staffCode;
        this.failedAt = failedAt;
        this.outcome = outcome;
        this.failures = failures;
        this.detail = detail == null ? null : detail.substring(0, Math.min(detail.length(), DETAIL_LENGTH));
    }
}
