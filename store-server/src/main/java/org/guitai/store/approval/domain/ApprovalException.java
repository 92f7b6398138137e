package org.guitai.store.approval.domain;

import org.guitai.kernel.problem.PosException;

/** The action needs a manager's approval, or the one given cannot be used for it. */
public class ApprovalException extends PosException {

    private static final long serialVersionUID = 1L;

    public ApprovalException(String detail) {
        super("approval-required", 403, "A manager's approval is needed", detail);
    }
}
