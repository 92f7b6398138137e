package org.guitai.store.staff.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Optional;
import org.guitai.platform.security.Caller;
import org.guitai.store.staff.domain.Staff;

/** Who works at the store: full names for slips and invoices (issuer, payee), and colleagues named on a sale. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class StaffDirectory {

    @Inject
    StaffRepository staff;

    /** The full name of the staff member with this code, or the code itself when unknown. */
    public String fullName(String code) {
        return staff.find(code).map(Staff::name).orElse(code);
    }

    /** An active staff member as if working at {@code terminalId}: the cashier named on a sale a terminal submits. */
    public Optional<Caller> activeAt(String code, String terminalId) {
        return staff.find(code).filter(Staff::isActive).map(m -> SessionService.callerOf(m, terminalId));
    }

    /** Whether the code is an active staff member of this store (a sales associate named on a sale). */
    public boolean isActive(String code) {
        return staff.find(code).filter(Staff::isActive).isPresent();
    }
}
