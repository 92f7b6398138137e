package org.guitai.store.delivery.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.guitai.kernel.contact.PhoneNumber;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    private static final LocalDateTime NOW_IN_STORE = LocalDateTime.of(2026, 11, 23, 16, 0);
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private static Delivery delivery(LocalDateTime from, LocalDateTime to) {
        return new Delivery("d1", "sale-1", "李明", new PhoneNumber("13800138000"), "北京市西城区西单北大街 120 号", from, to, NOW_IN_STORE, "C001", NOW);
    }

    @Test
    void movesAlongItsStatusesKeepingEachStep() {
        Delivery d = delivery(NOW_IN_STORE.plusHours(17), NOW_IN_STORE.plusHours(20));
        assertEquals(DeliveryStatus.REQUESTED, d.status());
        d.moveTo(DeliveryStatus.SCHEDULED, "M001", NOW, null);
        d.moveTo(DeliveryStatus.OUT_FOR_DELIVERY, "A001", NOW, "车辆 京A12345");
        d.moveTo(DeliveryStatus.DELIVERED, "A001", NOW, null);
        assertEquals(List.of(DeliveryStatus.REQUESTED, DeliveryStatus.SCHEDULED, DeliveryStatus.OUT_FOR_DELIVERY, DeliveryStatus.DELIVERED),
                d.history().stream().map(StatusChange::status).toList());
        assertEquals("车辆 京A12345", d.history().get(2).note());
    }

    @Test
    void refusesSkippingOrGoingBack() {
        Delivery d = delivery(NOW_IN_STORE.plusHours(17), NOW_IN_STORE.plusHours(20));
        DeliveryRuleException skip = assertThrows(DeliveryRuleException.class, () -> d.moveTo(DeliveryStatus.DELIVERED, "A001", NOW, null));
        assertEquals(409, skip.status());
        assertEquals("REQUESTED", skip.extensions().get("state"));
        d.moveTo(DeliveryStatus.FAILED, "A001", NOW, "客户改约");
        assertThrows(DeliveryRuleException.class, () -> d.moveTo(DeliveryStatus.SCHEDULED, "A001", NOW, null));
    }

    @Test
    void theWindowIsInOrderAndNotPast() {
        assertEquals("invalid-window", assertThrows(DeliveryRuleException.class,
                () -> delivery(NOW_IN_STORE.plusHours(5), NOW_IN_STORE.plusHours(2))).slug());
        assertEquals("invalid-window", assertThrows(DeliveryRuleException.class,
                () -> delivery(NOW_IN_STORE.minusHours(5), NOW_IN_STORE.minusHours(2))).slug());
    }
}
