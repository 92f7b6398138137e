package org.guitai.store.shift.domain;

import org.guitai.kernel.problem.PosException;

public class ShiftNotFoundException extends PosException {

    private static final long serialVersionUID = 1L;

    public ShiftNotFoundException(String id) {
        super("shift-not-found", 404, "Shift not found", "no shift " + id + " at this store");
    }
}
