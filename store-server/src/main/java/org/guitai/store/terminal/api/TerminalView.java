package org.guitai.store.terminal.api;

import java.time.Instant;
import org.guitai.store.terminal.domain.TerminalKey;

/** A terminal's standing: since when and by whom its key is enrolled (absent before), and its last report. */
public record TerminalView(String terminalId, boolean enrolled, Instant enrolledAt, String enrolledBy, int pendingDocuments, Instant reportedAt) {

    static TerminalView of(TerminalKey key) {
        return new TerminalView(key.terminalId(), key.isEnrolled(), key.enrolledAt().orElse(null), key.enrolledBy().orElse(null),
                key.pendingDocuments(), key.reportedAt().orElse(null));
    }
}
