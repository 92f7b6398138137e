package org.guitai.store.delivery.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** One step of a delivery's history. */
@Embeddable
public class StatusChange {

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    private DeliveryStatus status;

    @Column(name = "changed_by")
    private String changedBy;

    @Column(name = "changed_at")
    private Instant changedAt;

    @Column(name = "note")
    private String note;

    protected StatusChange() {
    }

    StatusChange(DeliveryStatus status, String changedBy, Instant changedAt, String note) {
        this.status = status;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.note = note;
    }

    public DeliveryStatus status() {
        return status;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public String note() {
        return note;
    }
}
