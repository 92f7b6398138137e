package org.guitai.store.invoice.domain;

import java.util.Map;
import org.guitai.kernel.problem.PosException;

/** An invoice that must not be issued as asked (422), or that cannot be in its state (409). */
public class InvoiceRuleException extends PosException {

    private static final long serialVersionUID = 1L;

    private final Map<String, Object> extensions;

    public InvoiceRuleException(String slug, int status, String title, String detail, Map<String, Object> extensions) {
        super(slug, status, title, detail);
        this.extensions = Map.copyOf(extensions);
    }

    @Override
    public Map<String, Object> extensions() {
        return extensions;
    }
}
