package org.guitai.store.terminal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import org.guitai.platform.security.Caller;
import org.guitai.platform.security.ForbiddenException;
import org.guitai.store.catalog.service.CatalogService;
import org.guitai.store.staff.domain.Role;
import org.guitai.store.staff.service.StaffDirectory;
import org.guitai.store.terminal.domain.TerminalKey;

/**
 * What each terminal last said it still has to send. A terminal reports it (signed, or through a
 * session at it) and learns in return who may log in there offline and how current its catalog is;
 * a shift whose terminal holds unsent sales does not close, since its ledger would miss them.
 */
@ApplicationScoped
@Transactional
public class TerminalStates {

    /** The answer to a report: the store's active staff codes and its catalog's version. */
    public record Reported(String terminalId, List<String> activeStaff, long catalogVersion) {
    }

    @Inject
    TerminalKeyRepository keys;

    @Inject
    StaffDirectory staff;

    @Inject
    CatalogService catalog;

    @Inject
    java.time.Clock clock;

    /** Records the terminal's unsent sales; only that terminal, or staff logged in at it, reports for it. */
    public Reported report(String terminalId, int pendingDocuments, Caller caller) {
        if (!terminalId.equals(caller.terminalId())) {
            throw new ForbiddenException((caller.isTerminal() ? "terminal " + caller.terminalId() : "staff at " + caller.terminalId())
                    + " cannot report the state of terminal " + terminalId);
        }
        if (!staff.isActiveTerminal(terminalId)) {
            throw new ForbiddenException("terminal " + terminalId + " is not enrolled at this store");
        }
        TerminalKey terminal = keys.findForUpdate(terminalId).orElseGet(() -> {
            TerminalKey first = new TerminalKey(terminalId);
            keys.add(first);
            return first;
        });
        terminal.report(pendingDocuments, clock.instant());
        return new Reported(terminalId, staff.activeCodes(), catalog.version());
    }

    /** The sales the terminal last reported as not yet sent (none when it never reported). */
    @Transactional(TxType.SUPPORTS)
    public int pendingAt(String terminalId) {
        return keys.find(terminalId).map(TerminalKey::pendingDocuments).orElse(0);
    }

    /** Every terminal that enrolled a key or reported, for a store manager. */
    @Transactional(TxType.SUPPORTS)
    public List<TerminalKey> list(Caller caller) {
        caller.require("listing the terminals", Role.STORE_MANAGER);
        return keys.all();
    }
}
