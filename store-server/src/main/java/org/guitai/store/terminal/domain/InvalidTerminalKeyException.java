package org.guitai.store.terminal.domain;

import org.guitai.kernel.problem.PosException;

/** What a terminal offers as its key is not an Ed25519 public key (422): nothing is enrolled. */
public class InvalidTerminalKeyException extends PosException {

    private static final long serialVersionUID = 1L;

    public InvalidTerminalKeyException(String detail) {
        super("invalid-terminal-key", 422, "Not a terminal key", detail);
    }
}
