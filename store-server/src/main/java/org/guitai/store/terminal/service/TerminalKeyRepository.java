package org.guitai.store.terminal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.guitai.store.staff.domain.Terminal;
import org.guitai.store.terminal.domain.TerminalKey;

@ApplicationScoped
public class TerminalKeyRepository {

    @PersistenceContext(unitName = "store")
    EntityManager em;

    public Optional<TerminalKey> find(String terminalId) {
        return Optional.ofNullable(em.find(TerminalKey.class, terminalId));
    }

    /**
     * The key (X.509 bytes) a signed request of this terminal is checked with: its enrolled key
     * while the terminal is enrolled at this store and active, read in one round trip.
     */
    public Optional<byte[]> keyOfActiveTerminal(String terminalId) {
        return em.createQuery("select k.publicKey from TerminalKey k, Terminal t where k.terminalId = :id and t.id = k.terminalId"
                        + " and t.active = true and k.publicKey is not null", byte[].class)
                .setParameter("id", terminalId)
                .getResultStream().findFirst();
    }

    /** The terminal's row, locked until the transaction ends: two enrolments or reports of one terminal take turns. */
    public Optional<TerminalKey> findForUpdate(String terminalId) {
        return Optional.ofNullable(em.find(TerminalKey.class, terminalId, LockModeType.PESSIMISTIC_WRITE));
    }

    public List<TerminalKey> all() {
        return em.createQuery("select k from TerminalKey k order by k.terminalId", TerminalKey.class).getResultList();
    }

    public void add(TerminalKey key) {
        em.persist(key);
    }
}
