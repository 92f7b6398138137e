package org.guitai.platform.security;

import org.guitai.kernel.problem.PosException;

/** The caller is logged in but their role does not allow this. */
public class ForbiddenException extends PosException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String detail) {
        super("forbidden", 403, "Not allowed for this role", detail);
    }
}
