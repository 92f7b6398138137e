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

    public Approval(String id, ApprovalAction action, String saleId, String requestedBy, String approvedBy, String terminalId,
                    Instant createdAt, Instant expiresAt) {
        if (action.needsSale() && saleId == null) {
            throw new ApprovalException("an approval of " + action + " is given for one sale: name it");
        }
        this.id = Objects.requireNonNull(id);
        this.action = action;
        this.saleId = saleId;
        this.requestedBy = requestedBy;
        this.approvedBy = approvedBy;
        this.terminalId = terminalId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Marks the approval used by {@code requester} for {@code action} on {@code saleId} at {@code terminal}, or says why it cannot be. */
    public void use(ApprovalAction wanted, String wantedSaleId, String requester, String terminal, Instant now) {
        if (usedAt != null) {
            throw new ApprovalException("approval " + id + " was already used at " + usedAt);
        }
        if (!now.isBefore(expiresAt)) {
            throw new ApprovalException("approval " + id + " expired at " + expiresAt);
        }
        if (action != wanted) {
            throw new ApprovalException("approval " + id + " is for " + action + ", not " + wanted);
        }
        if (action.needsSale() && !saleId.equals(wantedSaleId)) {
            throw new ApprovalException("approval " + id + " is for sale " + saleId + ", not " + wantedSaleId);
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

    public String requestedBy() {
        return requestedBy;
    }

    /** True when a repeated grant request asks for the same thing. */
    public boolean isFor(ApprovalAction wanted, String wantedSaleId, String requester) {
        return action == wanted && java.util.Objects.equals(saleId, wantedSaleId) && requestedBy.equals(requester);
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
