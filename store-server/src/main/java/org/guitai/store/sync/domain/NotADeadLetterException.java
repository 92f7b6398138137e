package org.guitai.store.sync.domain;

import java.util.Map;
import org.guitai.kernel.problem.PosException;

/** Only a dead letter can be put back in line: a pending event is already in line, a delivered one is at HQ. */
public class NotADeadLetterException extends PosException {

    private static final long serialVersionUID = 1L;

    private final OutboxEvent.State state;

    public NotADeadLetterException(String eventId, OutboxEvent.State state) {
        super("not-a-dead-letter", 409, "Not a dead letter",
                "outbox event " + eventId + " is " + state + ": only a DEAD_LETTER can be put back in line");
        this.state = state;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("state", state.name());
    }
}
