package org.guitai.terminal.device.domain;

import org.guitai.kernel.problem.PosException;

/** Cash is taken only into a closed drawer: while it stands open from the last cash, the next cash payment waits. */
public class DrawerOpenException extends PosException {

    private static final long serialVersionUID = 1L;

    public DrawerOpenException(String drawer) {
        super("drawer-open", 409, "Close the drawer",
                "the cash drawer " + drawer + " is still open from the last cash: close it, then take the next cash payment");
    }
}
