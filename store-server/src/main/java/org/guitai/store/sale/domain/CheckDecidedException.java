package org.guitai.store.sale.domain;

import java.util.Map;
import org.guitai.kernel.problem.PosException;

/** A check's clearance was already recorded the other way (409); the problem names its state. */
public class CheckDecidedException extends PosException {

    private static final long serialVersionUID = 1L;

    private final CheckClearance.Outcome outcome;

    public CheckDecidedException(String paymentId, CheckClearance.Outcome outcome, java.time.Instant decidedAt) {
        super("check-decided", 409, "Check already decided", "check payment " + paymentId + " was already recorded " + outcome + " at " + decidedAt);
        this.outcome = outcome;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("state", outcome.name());
    }
}
