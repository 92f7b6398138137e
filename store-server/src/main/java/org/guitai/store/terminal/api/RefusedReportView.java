package org.guitai.store.terminal.api;

/** How many refused sales the terminal reported. */
public record RefusedReportView(String terminalId, int refused) {
}
