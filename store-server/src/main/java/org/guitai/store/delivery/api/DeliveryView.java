package org.guitai.store.delivery.api;

import java.util.List;
import org.guitai.store.delivery.domain.Delivery;
import org.guitai.store.delivery.domain.StatusChange;

public record DeliveryView(String id, String saleId, String status, String contact, String phone, String address, Window window,
                           String requestedBy, String requestedAt, List<Step> history) {

    public record Window(String from, String to) {
    }

    public record Step(String status, String changedBy, String changedAt, String note) {

        static Step of(StatusChange c) {
            return new Step(c.status().name(), c.changedBy(), c.changedAt().toString(), c.note());
        }
    }

    public static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id(), d.saleId(), d.status().name(), d.contact(), d.phone(), d.address(),
                new Window(d.windowFrom().toString(), d.windowTo().toString()), d.requestedBy(), d.requestedAt().toString(),
                d.history().stream().map(Step::of).toList());
    }
}
