package org.guitai.store.invoice.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** 作废: the record that an invoice is void. The invoice and its number stay as they were. */
@Entity
@Table(name = "invoice_void")
public class InvoiceVoid {

    @Id
    @Column(name = "invoice_number")
    private String invoiceNumber;

    @MapsId
    @OneToOne(optional = false)
    @JoinColumn(name = "invoice_number")
    private Invoice invoice;

    @Column(name = "reason")
    private String reason;

    @Column(name = "approval_id")
    private String approvalId;

    @Column(name = "voided_by")
    private String voidedBy;

    @Column(name = "voided_at")
    private Instant voidedAt;

    protected InvoiceVoid() {
    }

    InvoiceVoid(Invoice invoice, String reason, String approvalId, String voidedBy, Instant voidedAt) {
        this.invoiceNumber = invoice.number();
        this.invoice = invoice;
        this.reason = reason;
        this.approvalId = approvalId;
        this.voidedBy = voidedBy;
        this.voidedAt = voidedAt;
    }

    public String reason() {
        return reason;
    }

    public String approvalId() {
        return approvalId;
    }

    public String voidedBy() {
        return voidedBy;
    }

    public Instant voidedAt() {
        return voidedAt;
    }
}
