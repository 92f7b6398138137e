package org.guitai.store.staff.domain;

import org.guitai.kernel.problem.PosException;

/** Logins are taken only at terminals enrolled at this store. */
public class TerminalNotEnrolledException extends PosException {

    private static final long serialVersionUID = 1L;

    public TerminalNotEnrolledException(String terminalId) {
        super("terminal-not-enrolled", 403, "Terminal not enrolled", "terminal " + terminalId + " is not enrolled at this store");
    }
}
