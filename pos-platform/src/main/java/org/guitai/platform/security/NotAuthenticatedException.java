package org.guitai.platform.security;

import org.guitai.kernel.problem.PosException;

/** The request carries no token, or one that is unknown, ended or expired. */
public class NotAuthenticatedException extends PosException {

    private static final long serialVersionUID = 1L;

    public NotAuthenticatedException(String detail) {
        super("not-authenticated", 401, "Not authenticated", detail);
    }
}
