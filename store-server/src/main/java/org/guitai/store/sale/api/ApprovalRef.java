package org.guitai.store.sale.api;

import java.util.UUID;

/** A request that may carry a manager's approval (void a confirmed line). */
public record ApprovalRef(UUID approvalId) {
}
