package org.guitai.store.staff.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.guitai.store.staff.domain.Staff;
import org.guitai.store.staff.domain.StaffSession;
import org.guitai.store.staff.domain.Terminal;

@ApplicationScoped
public class StaffRepository {

    @PersistenceContext(unitName = "store")
    EntityManager em;

    public Optional<Staff> find(String code) {
        return Optional.ofNullable(em.find(Staff.class, code));
    }

    public Optional<Terminal> findTerminal(String id) {
        return Optional.ofNullable(em.find(Terminal.class, id));
    }

    public Optional<StaffSession> findSession(String tokenDigest) {
        return Optional.ofNullable(em.find(StaffSession.class, tokenDigest));
    }

    /** The session with its staff member, in one query. */
    public Optional<StaffSession> findSessionWithStaff(String tokenDigest) {
        return em.createQuery("select s from StaffSession s join fetch s.staff where s.tokenDigest = :digest", StaffSession.class)
                .setParameter("digest", tokenDigest).getResultStream().findFirst();
    }

    /** Ends the live sessions of a staff member; the number ended. */
    public int endSessionsOf(String staffCode, java.time.Instant now) {
        java.util.List<StaffSession> live = em.createQuery("select s from StaffSession s where s.staff.code = :code and s.endedAt is null", StaffSession.class)
                .setParameter("code", staffCode).getResultList();
        live.forEach(s -> s.end(now));
        return live.size();
    }

    public void add(Staff staff) {
        em.persist(staff);
    }

    public void add(Terminal terminal) {
        em.persist(terminal);
    }

    public void add(StaffSession session) {
        em.persist(session);
    }
}
