package org.guitai.store.delivery.domain;

import java.util.EnumSet;
import java.util.Set;

/** REQUESTED -> SCHEDULED -> OUT_FOR_DELIVERY -> DELIVERED | FAILED; a delivery may also fail before it leaves. */
public enum DeliveryStatus {
    REQUESTED,
    SCHEDULED,
    OUT_FOR_DELIVERY,
    DELIVERED,
    FAILED;

    public Set<DeliveryStatus> next() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(SCHEDULED, FAILED);
            case SCHEDULED -> EnumSet.of(OUT_FOR_DELIVERY, FAILED);
            case OUT_FOR_DELIVERY -> EnumSet.of(DELIVERED, FAILED);
            case DELIVERED, FAILED -> EnumSet.noneOf(DeliveryStatus.class);
        };
    }
}
