package org.guitai.store.terminal.api;

import org.guitai.store.terminal.service.RefusedSales;

/** A refused sale for the manager: where and by whom it was made, the store's reason, the document, and how it was settled. */
public record RefusedSaleView(String saleId, String terminalId, String cashierCode, String createdAt, int status, String problemType,
                              String reason, String refusedAt, String document, String reportedAt, String resolvedAt, String resolvedBy,
                              String note) {

    static RefusedSaleView of(RefusedSales.Refused r) {
        return new RefusedSaleView(r.saleId(), r.terminalId(), r.cashierCode(), r.createdAt(), r.status(), r.problemType(), r.reason(),
                r.refusedAt(), r.document(), r.reportedAt().toString(), r.resolvedAt().map(Object::toString).orElse(null),
                r.resolvedBy().orElse(null), r.note().orElse(null));
    }
}
