package org.guitai.store.shift.api;

import java.util.List;
import org.guitai.store.shift.domain.Shift;

/** A shift: where, by whom, since when, its float and, once closed, when. */
public record ShiftView(String id, String terminalId, String openedBy, String status, String businessDate, String openedAt, String closedAt,
                        String currency, String openingFloat, List<PiecesView> floatCount) {

    public record PiecesView(String denomination, int count) {
    }

    static ShiftView of(Shift s) {
        return new ShiftView(s.id(), s.terminalId(), s.openedBy(), s.status().name(), s.businessDate().toString(), s.openedAt().toString(),
                s.close().map(c -> c.closedAt().toString()).orElse(null), s.currency().getCurrencyCode(), s.openingFloat().toPlainString(),
                s.floatCount() == null ? null : s.floatCount().pieces().stream().map(p -> new PiecesView(p.denomination().toPlainString(), p.count())).toList());
    }
}
