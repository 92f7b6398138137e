package org.guitai.store.returns.domain;

import org.guitai.kernel.problem.PosException;

public class ReturnNotFoundException extends PosException {

    private static final long serialVersionUID = 1L;

    public ReturnNotFoundException(String what) {
        super("return-not-found", 404, "Return not found", "no return has " + what);
    }
}
