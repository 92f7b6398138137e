package org.guitai.kernel.problem;

import java.util.Map;

/**
 * The one root of every refusal the system gives on purpose. It carries a slug (the last part of
 * the problem type {@code urn:guitai:problem:<slug>}), a status class and a title, and knows
 * nothing of HTTP: the servers turn it into an RFC 9457 problem.
 * Status classes: 400 invalid input, 401 not authenticated, 403 not allowed, 404 not found,
 * 409 illegal in the current state, 422 business rule, 503 a dependency is down.
 */
public abstract class PosException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String slug;
    private final int status;
    private final String title;

    protected PosException(String slug, int status, String title, String detail) {
        super(detail);
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    protected PosException(String slug, int status, String title, String detail, Throwable cause) {
        super(detail, cause);
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** Members added to the problem beside the standard ones, to help the caller (e.g. {@code missingLines}). */
    public Map<String, Object> extensions() {
        return Map.of();
    }
}
