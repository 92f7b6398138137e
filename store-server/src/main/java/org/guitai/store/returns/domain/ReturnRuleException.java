package org.guitai.store.returns.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import org.guitai.kernel.problem.PosException;

/** A rule of returns refuses the request; nothing was recorded. 422 for a rule, 409 for a conflict with what was recorded. */
public class ReturnRuleException extends PosException {

    private static final long serialVersionUID = 1L;

    private final Map<String, Object> extensions;

    public ReturnRuleException(String slug, int status, String title, String detail) {
        this(slug, status, title, detail, Map.of());
    }

    public ReturnRuleException(String slug, int status, String title, String detail, Map<String, Object> extensions) {
        super(slug, status, title, detail);
        this.extensions = new LinkedHashMap<>(extensions);
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.copyOf(extensions);
    }
}
