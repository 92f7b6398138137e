package org.guitai.hq.staff.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.guitai.hq.staff.domain.HqStaff;

/** HQ's staff, as logins look them up and the master-data import adds them. */
@ApplicationScoped
public class HqStaffRepository {

    @PersistenceContext(unitName = "hq")
    EntityManager em;

    /** The member with this code who may log in: known and active. */
    public Optional<HqStaff> active(String code) {
        return Optional.ofNullable(em.find(HqStaff.class, code)).filter(HqStaff::isActive);
    }

    /** Whether any member, active or not, has this code (codes are never reused). */
    public boolean exists(String code) {
        return em.find(HqStaff.class, code) != null;
    }

    public void add(HqStaff staff) {
        em.persist(staff);
    }
}
