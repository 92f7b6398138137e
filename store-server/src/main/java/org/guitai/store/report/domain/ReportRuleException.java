package org.guitai.store.report.domain;

import java.util.Map;
import org.guitai.kernel.problem.PosException;

/** A report, day close or target request that breaks a rule (422), or that the day's state refuses (409). */
public class ReportRuleException extends PosException {

    private static final long serialVersionUID = 1L;

    private final Map<String, Object> extensions;

    public ReportRuleException(String slug, String title, String detail) {
        this(slug, 422, title, detail, Map.of());
    }

    public ReportRuleException(String slug, String title, String detail, Map<String, Object> extensions) {
        this(slug, 422, title, detail, extensions);
    }

    public ReportRuleException(String slug, int status, String title, String detail, Map<String, Object> extensions) {
        super(slug, status, title, detail);
        this.extensions = Map.copyOf(extensions);
    }

    @Override
    public Map<String, Object> extensions() {
        return extensions;
    }
}
