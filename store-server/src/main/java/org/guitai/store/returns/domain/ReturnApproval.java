package org.guitai.store.returns.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.guitai.platform.persistence.Keyed;

/** A manager's RETURN approval used on a return. */
@Entity
@Table(name = "return_approval")
public class ReturnApproval extends Keyed {

    @Id
    @Column(name = "approval_id")
    private String approvalId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "return_id")
    private SaleReturn saleReturn;

    @Column(name = "manager_code")
    private String managerCode;

    @Column(name = "approved_at")
    private Instant approvedAt;

    protected ReturnApproval() {
    }

    ReturnApproval(String approvalId, SaleReturn saleReturn, String managerCode, Instant approvedAt) {
        this.approvalId = approvalId;
        this.saleReturn = saleReturn;
        this.managerCode = managerCode;
        this.approvedAt = approvedAt;
    }

    public String approvalId() {
        return approvalId;
    }

    public String managerCode() {
        return managerCode;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    @Override
    protected Object key() {
        return approvalId;
    }
}
