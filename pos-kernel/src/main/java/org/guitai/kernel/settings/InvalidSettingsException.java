package org.guitai.kernel.settings;

import java.util.List;

/** A server refuses to start: each entry names a bad key and what was expected of it. */
public class InvalidSettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super("Invalid settings, refusing to start: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
