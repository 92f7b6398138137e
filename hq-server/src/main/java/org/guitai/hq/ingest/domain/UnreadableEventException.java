package org.guitai.hq.ingest.domain;

/** An event HQ cannot apply as it stands; the store keeps it and retries after a fix. */
public class UnreadableEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnreadableEventException(String reason) {
        super(reason);
    }
}
