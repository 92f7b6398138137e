package org.guitai.store.shift.domain;

import java.util.Map;
import org.guitai.kernel.problem.PosException;

/** What a shift's state does not allow now (409): a second open shift, a closed shift, unfinished sales, no shift. */
public class ShiftStateException extends PosException {

    private static final long serialVersionUID = 1L;

    private final Map<String, Object> extensions;

    public ShiftStateException(String slug, String title, String detail, Map<String, Object> extensions) {
        super(slug, 409, title, detail);
        this.extensions = Map.copyOf(extensions);
    }

    /** No shift is open at the terminal: sales, payments and drawer openings there wait for one. */
    public static ShiftStateException noOpenShift(String terminalId, String attempted) {
        return new ShiftStateException("no-open-shift", "No open shift",
                "terminal " + terminalId + " has no open shift: open one with a counted float to " + attempted, Map.of("terminalId", terminalId));
    }

    public static ShiftStateException closed(String shiftId) {
        return new ShiftStateException("shift-closed", "Shift closed", "shift " + shiftId + " is closed and never changes", Map.of("shiftId", shiftId));
    }

    @Override
    public Map<String, Object> extensions() {
        return extensions;
    }
}
