package org.guitai.store.staff.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import org.guitai.store.staff.domain.Staff;

/** Staff full names, for slips and invoices (issuer, payee). */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class StaffDirectory {

    @Inject
    StaffRepository staff;

    /** The full name of the staff member with this code, or the code itself when unknown. */
    public String fullName(String code) {
        return staff.find(code).map(Staff::name).orElse(code);
    }
}
