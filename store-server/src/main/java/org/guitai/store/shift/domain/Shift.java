package org.guitai.store.shift.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * A terminal's shift as recorded: who opened it with what float, its running ledger and, once
 * closed, the blind count, the expected cash it was compared with, the difference and its grade.
 */
public record Shift(String id, String terminalId, String openedBy, Status status, Currency currency, LocalDate businessDate,
                    Instant openedAt, BigDecimal openingFloat, DrawerCount floatCount, Ledger ledger, Optional<Close> close) {

    public enum Status {
        OPEN,
        CLOSED
    }

    /** The close: counted blind, compared and graded; {@code approvedBy} the manager who accepted a difference beyond the limit. */
    public record Close(Instant closedAt, String closedBy, DrawerCount counted, BigDecimal expectedCash, BigDecimal countedCash,
                       BigDecimal difference, ErrorLevel errorLevel, Optional<String> approvedBy) {
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    /** What the drawer should hold now (at close: what it should have held). */
    public BigDecimal expectedCash() {
        return ledger.expectedCash(openingFloat);
    }

    public List<DrawerCount.Piece> counted() {
        return close.map(c -> c.counted().pieces()).orElse(List.of());
    }
}
