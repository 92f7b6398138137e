package org.guitai.platform.security;

import org.guitai.kernel.problem.PosException;

/** Wrong staff code or secret; deliberately does not say which, nor whether the code exists. */
public class InvalidCredentialsException extends PosException {

    private static final long serialVersionUID = 1L;

    /** @param secret what was typed with the code: {@code PIN}, {@code password} */
    public InvalidCredentialsException(String secret) {
        super("invalid-credentials", 401, "Login refused", "the staff code or the " + secret + " is wrong");
    }
}
