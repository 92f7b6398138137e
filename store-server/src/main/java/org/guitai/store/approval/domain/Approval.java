package org.guitai.store.approval.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.guitai.platform.persistence.Keyed;

/**
 * A manager's yes to one action on one sale: usable once, by the terminal it was given at, until
 * it expires. Using it for anything else is refused and leaves it unused.
 */
@Entity
@Table(name = "approval")
public class Approval extends Keyed {

    @Id
    @Column(name = "id")
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "action")
    private ApprovalAction action;

    @Column(name = "sale_id")
    private String saleId;

    @Column(name = "shift_id")
    private String shiftId;

    @Column(name = "return_id")
    private String returnId;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(name = "approved_by")
    private String approvedBy;

    @Column(name = "terminal_id")
    private String terminalId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected Approval() {
    }

    /** @param subjectId the sale, shift or return the action concerns (see {@link ApprovalAction#subject()}), or null */
    public Approval(String id, ApprovalAction action, String subjectId, String requestedBy, String approvedBy, String terminalId,
                    Instant createdAt, Instant expiresAt) {
        if (action.subject() != ApprovalAction.Subject.NONE && subjectId == null) {
            throw new ApprovalException("an approval of " + action + " is given for one " + action.subject().name().toLowerCase(java.util.Locale.ROOT)
                    + ": name it");
        }
        this.id = Objects.requireNonNull(id);
        this.action = action;
        this.saleId = action.subject() == ApprovalAction.Subject.SALE ? subjectId : null;
        this.shiftId = action.subject() == ApprovalAction.Subject.SHIFT ? subjectId : null;
        this.returnId = action.subject() == ApprovalAction.Subject.RETURN ? subjectId : null;
        this.requestedBy = requestedBy;
        this.approvedBy = approvedBy;
        this.terminalId = terminalId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Marks the approval used by {@code requester} for {@code action} on the sale or shift {@code wantedSubject} at {@code terminal}, or says why it cannot be. */
    public void use(ApprovalAction wanted, String wantedSubject, String requester, String terminal, Instant now) {
        if (usedAt != null) {
            throw new ApprovalException("approval " + id + " was already used at " + usedAt);
        }
        if (!now.isBefore(expiresAt)) {
            throw new ApprovalException("approval " + id + " expired at " + expiresAt);
        }
        if (action != wanted) {
            throw new ApprovalException("approval " + id + " is for " + action + ", not " + wanted);
        }
        if (action.subject() != ApprovalAction.Subject.NONE && !subject().equals(wantedSubject)) {
            String kind = action.subject().name().toLowerCase(java.util.Locale.ROOT);
            throw new ApprovalException("approval " + id + " is for " + kind + " " + subject() + ", not " + wantedSubject);
        }
        if (!requestedBy.equals(requester)) {
            throw new ApprovalException("approval " + id + " was given to " + requestedBy + ", not " + requester);
        }
        if (!terminalId.equals(terminal)) {
            throw new ApprovalException("approval " + id + " was given at terminal " + terminalId + ", not " + terminal);
        }
        usedAt = now;
    }

    public String id() {
        return id;
    }

    public ApprovalAction action() {
        return action;
    }

    public Optional<String> saleId() {
        return Optional.ofNullable(saleId);
    }

    public Optional<String> shiftId() {
        return Optional.ofNullable(shiftId);
    }

    public Optional<String> returnId() {
        return Optional.ofNullable(returnId);
    }

    /** The sale, shift or return the approval is bound to (null for an action bound to none). */
    private String subject() {
        return saleId != null ? saleId : shiftId != null ? shiftId : returnId;
    }

    public String terminalId() {
        return terminalId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> usedAt() {
        return Optional.ofNullable(usedAt);
    }

    public String requestedBy() {
        return requestedBy;
    }

    /** True when a repeated grant request asks for the same thing. */
    public boolean isFor(ApprovalAction wanted, String wantedSubject, String requester) {
        return action == wanted && java.util.Objects.equals(subject(), wantedSubject) && requestedBy.equals(requester);
    }

    public String approvedBy() {
        return approvedBy;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    protected Object key() {
        return id;
    }
}
