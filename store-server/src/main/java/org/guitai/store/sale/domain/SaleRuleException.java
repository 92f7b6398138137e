package org.guitai.store.sale.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import org.guitai.kernel.problem.PosException;

/** A business rule of the counter refuses the request (422); nothing was recorded. */
public class SaleRuleException extends PosException {

    private static final long serialVersionUID = 1L;

    private final Map<String, Object> extensions;

    public SaleRuleException(String slug, String title, String detail) {
        this(slug, title, detail, Map.of());
    }

    public SaleRuleException(String slug, String title, String detail, Map<String, Object> extensions) {
        super(slug, 422, title, detail);
        this.extensions = new LinkedHashMap<>(extensions);
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.copyOf(extensions);
    }
}
