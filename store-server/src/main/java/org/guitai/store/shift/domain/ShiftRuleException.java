package org.guitai.store.shift.domain;

import java.util.Map;
import org.guitai.kernel.problem.PosException;

/** A request about a shift that breaks a rule of the cash office (422). */
public class ShiftRuleException extends PosException {

    private static final long serialVersionUID = 1L;

    private final Map<String, Object> extensions;

    public ShiftRuleException(String slug, String title, String detail) {
        this(slug, title, detail, Map.of());
    }

    public ShiftRuleException(String slug, String title, String detail, Map<String, Object> extensions) {
        super(slug, 422, title, detail);
        this.extensions = Map.copyOf(extensions);
    }

    @Override
    public Map<String, Object> extensions() {
        return extensions;
    }
}
