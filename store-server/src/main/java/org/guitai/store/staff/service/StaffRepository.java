package org.guitai.store.staff.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.guitai.store.staff.domain.Staff;
import org.guitai.store.staff.domain.Terminal;

@ApplicationScoped
public class StaffRepository {

    @PersistenceContext(unitName = "store")
    EntityManager em;

    public java.util.List<Staff> all() {
        return em.createQuery("select s from Staff s order by s.code", Staff.class).getResultList();
    }

    public Optional<Staff> find(String code) {
        return Optional.ofNullable(em.find(Staff.class, code));
    }

    public Optional<Terminal> findTerminal(String id) {
        return Optional.ofNullable(em.find(Terminal.class, id));
    }

    public void add(Staff staff) {
        em.persist(staff);
    }

    public void add(Terminal terminal) {
        em.persist(terminal);
    }
}
