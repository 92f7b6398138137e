package org.guitai.store.returns.domain;

import java.util.Map;
import org.guitai.kernel.problem.PosException;

/** A step that is illegal in the return's current state (409); the problem names the state. */
public class ReturnStateException extends PosException {

    private static final long serialVersionUID = 1L;

    private final ReturnStatus status;

    public ReturnStateException(String returnId, ReturnStatus status, String attempted) {
        super("return-state", 409, "Not allowed in the return's state", "return " + returnId + " is " + status + ": cannot " + attempted);
        this.status = status;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("state", status.name());
    }
}
