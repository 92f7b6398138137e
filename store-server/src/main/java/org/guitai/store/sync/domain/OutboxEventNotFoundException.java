package org.guitai.store.sync.domain;

import org.guitai.kernel.problem.PosException;

public class OutboxEventNotFoundException extends PosException {

    private static final long serialVersionUID = 1L;

    public OutboxEventNotFoundException(String eventId) {
        super("outbox-event-not-found", 404, "Outbox event not found", "the outbox holds no event with the id " + eventId);
    }
}
