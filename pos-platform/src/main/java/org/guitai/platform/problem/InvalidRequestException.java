package org.guitai.platform.problem;

import org.guitai.kernel.problem.PosException;

/** A request that is well-formed JSON but says something that cannot be meant (400). */
public class InvalidRequestException extends PosException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String detail) {
        super("invalid-request", 400, "The request is invalid", detail);
    }
}
