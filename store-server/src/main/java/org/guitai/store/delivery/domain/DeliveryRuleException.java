package org.guitai.store.delivery.domain;

import java.util.Map;
import org.guitai.kernel.problem.PosException;

public class DeliveryRuleException extends PosException {

    private static final long serialVersionUID = 1L;

    private final Map<String, Object> extensions;

    public DeliveryRuleException(String slug, int status, String title, String detail, Map<String, Object> extensions) {
        super(slug, status, title, detail);
        this.extensions = Map.copyOf(extensions);
    }

    public static DeliveryRuleException notFound(String id) {
        return new DeliveryRuleException("delivery-not-found", 404, "Delivery not found", "no delivery has the id " + id, Map.of());
    }

    @Override
    public Map<String, Object> extensions() {
        return extensions;
    }
}
