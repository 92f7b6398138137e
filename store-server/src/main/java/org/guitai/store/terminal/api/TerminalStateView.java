package org.guitai.store.terminal.api;

import java.util.List;
import org.guitai.store.terminal.service.TerminalStates;

/** The answer to a terminal's report: who may log in there (the store's active staff codes) and the catalog's version. */
public record TerminalStateView(String terminalId, List<String> activeStaff, long catalogVersion) {

    static TerminalStateView of(TerminalStates.Reported reported) {
        return new TerminalStateView(reported.terminalId(), reported.activeStaff(), reported.catalogVersion());
    }
}
