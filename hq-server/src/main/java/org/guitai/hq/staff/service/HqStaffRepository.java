package org.guitai.hq.staff.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.guitai.hq.staff.domain.HqStaff;

@ApplicationScoped
public class HqStaffRepository {

    @PersistenceContext(unitName = "hq")
    EntityManager em;

    public Optional<HqStaff> find(String code) {
        return Optional.ofNullable(em.find(HqStaff.class, code));
    }

    public void add(HqStaff staff) {
        em.persist(staff);
    }
}
