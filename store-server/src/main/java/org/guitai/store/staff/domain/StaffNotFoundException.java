package org.guitai.store.staff.domain;

import org.guitai.kernel.problem.PosException;

/** Asked by a manager about a colleague, so saying that the code does not exist reveals nothing new. */
public class StaffNotFoundException extends PosException {

    private static final long serialVersionUID = 1L;

    public StaffNotFoundException(String code) {
        super("staff-not-found", 404, "Staff not found", "no staff member has the code " + code);
    }
}
