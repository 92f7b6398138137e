package org.guitai.store.staff.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.Optional;
import org.guitai.platform.security.Caller;
import org.guitai.store.staff.domain.Staff;
import org.guitai.store.staff.domain.Terminal;

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

    /** The codes of the store's active staff, in code order: who may log in at a terminal that works offline. */
    public List<String> activeCodes() {
        return staff.all().stream().filter(Staff::isActive).map(Staff::code).toList();
    }

    /** Whether the terminal is enrolled at this store and not retired: only such a terminal is heard. */
    public boolean isActiveTerminal(String terminalId) {
        return staff.findTerminal(terminalId).filter(Terminal::isActive).isPresent();
    }

    /** Whether the code is an active staff member of this store (a sales associate named on a sale). */
    public boolean isActive(String code) {
        return staff.find(code).filter(Staff::isActive).isPresent();
    }
}
