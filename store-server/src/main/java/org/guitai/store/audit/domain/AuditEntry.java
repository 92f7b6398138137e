package org.guitai.store.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the audit log; immutable once written. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    private static final int DETAIL_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "seq")
    private Long seq;

    @Column(name = "at")
    private Instant at;

    @Column(name = "event")
    private String event;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(name = "approved_by")
    private String approvedBy;

    @Column(name = "terminal_id")
    private String terminalId;

    @Column(name = "sale_id")
    private String saleId;

    @Column(name = "subject")
    private String subject;

    @Column(name = "detail")
    private String detail;

    protected AuditEntry() {
    }

    public AuditEntry(Instant at, AuditEvent event, String requestedBy, String approvedBy, String terminalId, String saleId,
                      String subject, String detail) {
        this.at = at;
        this.event = event.name();
        this.requestedBy = requestedBy;
        this.approvedBy = approvedBy;
        this.terminalId = terminalId;
        this.saleId = saleId;
        this.subject = subject;
        this.detail = detail.length() > DETAIL_LENGTH ? detail.substring(0, DETAIL_LENGTH) : detail;
    }

    public Long seq() {
        return seq;
    }

    public Instant at() {
        return at;
    }

    public String event() {
        return event;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public String terminalId() {
        return terminalId;
    }

    public String saleId() {
        return saleId;
    }

    public String subject() {
        return subject;
    }

    public String detail() {
        return detail;
    }
}
