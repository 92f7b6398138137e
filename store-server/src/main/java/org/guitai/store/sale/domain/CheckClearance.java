package org.guitai.store.sale.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A manager's record that a check cleared or bounced. The check payment itself is never changed. */
@Entity
@Table(name = "check_clearance")
public class CheckClearance {

    public enum Outcome {
        CLEARED,
        BOUNCED
    }

    @Id
    @Column(name = "payment_id")
    private String paymentId;

    @MapsId
    @OneToOne(optional = false)
    @JoinColumn(name = "payment_id")
    private Payment payment;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome")
    private Outcome outcome;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected CheckClearance() {
    }

    CheckClearance(Payment payment, Outcome outcome, String decidedBy, Instant decidedAt) {
        this.paymentId = payment.id();
        this.payment = payment;
        this.outcome = outcome;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
