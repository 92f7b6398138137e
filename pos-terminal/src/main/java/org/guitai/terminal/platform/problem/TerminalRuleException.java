package org.guitai.terminal.platform.problem;

import org.guitai.kernel.problem.PosException;

/** A rule of this terminal refuses the request (problem type {@code urn:guitai:problem:<slug>}). */
public class TerminalRuleException extends PosException {

    private static final long serialVersionUID = 1L;

    public TerminalRuleException(String slug, int status, String title, String detail) {
        super(slug, status, title, detail);
    }
}
