package org.guitai.hq.staff.domain;

import org.guitai.kernel.problem.PosException;

/** Wrong staff code or password; deliberately does not say which, nor whether the code exists. */
public class InvalidCredentialsException extends PosException {

    private static final long serialVersionUID = 1L;

    public InvalidCredentialsException() {
        super("invalid-credentials", 401, "Login refused", "the staff code or the password is wrong");
    }
}
