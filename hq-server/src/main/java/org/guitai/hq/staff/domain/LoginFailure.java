package org.guitai.hq.staff.domain;

import java.time.Instant;

/**
 * One refused HQ login, kept for the record in {@code hq_login_failure}: only ever inserted, and it
 * does not say whether the code exists.
 */
public record LoginFailure(String staffCode, Instant failedAt, Outcome outcome, int failures, String detail) {

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

    public LoginFailure {
        detail = detail == null ? null : detail.substring(0, Math.min(detail.length(), DETAIL_LENGTH));
    }
}
