package org.guitai.store.returns.api;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** A manager's RETURN approval for this return (POST /api/approvals with action RETURN and returnId). */
public record ApproveReturnRequest(@NotNull UUID approvalId) {
}
