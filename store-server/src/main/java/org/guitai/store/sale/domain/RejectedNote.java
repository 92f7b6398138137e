package org.guitai.store.sale.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;

/** 验: a note handed over and refused, kept with its serial number; it is not part of the tender. */
@Embeddable
public class RejectedNote {

    public enum Reason {
        COUNTERFEIT,
        TORN,
        MISSING_CORNER,
        DEFACED
    }

    @Column(name = "denomination")
    private BigDecimal denomination;

    @Column(name = "serial")
    private String serial;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason")
    private Reason reason;

    protected RejectedNote() {
    }

    public RejectedNote(BigDecimal denomination, String serial, Reason reason) {
        this.denomination = denomination;
        this.serial = serial;
        this.reason = reason;
    }

    public BigDecimal denomination() {
        return denomination;
    }

    public String serial() {
        return serial;
    }

    public Reason reason() {
        return reason;
    }
}
