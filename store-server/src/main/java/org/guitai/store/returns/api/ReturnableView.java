package org.guitai.store.returns.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.guitai.store.returns.service.Returns;

/** What of a sale can still come back. */
@Schema(description = "What of a paid sale can still be returned: per line what was sold, returned already, can still come back and what returning "
        + "all of that would refund (pro rata, to the fen); the tenders that paid it; the last day of the change-of-mind window")
public record ReturnableView(String saleId, String slipNumber, String invoiceNumber, String completedAt, String currency, String changeOfMindUntil,
                             List<ReturnableLineView> lines, List<ReturnablePaymentView> payments) {

    public record ReturnableLineView(String saleLineId, String sku, String barcode, String name, String spec, String quantity, String returned,
                           String returnable, String unitPrice, String amount, String refundable) {
    }

    public record ReturnablePaymentView(String paymentId, String tender, String amount) {
    }

    static ReturnableView of(Returns.Returnable r) {
        return new ReturnableView(r.sale().id(), r.slipCode(), r.invoiceNumber().orElse(null),
                r.sale().completedAt().or(() -> r.sale().paidAt()).map(Object::toString).orElse(null), r.sale().currency().getCurrencyCode(),
                r.changeOfMindUntil().toString(),
                r.lines().stream().map(l -> new ReturnableLineView(l.line().id(), l.line().sku(), l.line().item().barcode(), l.line().item().name(),
                        l.line().item().spec(), ReturnView.quantity(l.line().quantity()), ReturnView.quantity(l.returned()),
                        ReturnView.quantity(l.returnable()), l.line().unitPrice().toPlainString(), l.line().amount().toPlainString(),
                        l.refundable().toPlainString())).toList(),
                r.payments().stream().map(p -> new ReturnablePaymentView(p.paymentId(), p.tender().name(), p.amount().toPlainString())).toList());
    }
}
