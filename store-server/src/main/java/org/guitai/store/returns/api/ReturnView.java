package org.guitai.store.returns.api;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.guitai.kernel.money.Money;
import org.guitai.store.returns.domain.SaleReturn;
import org.guitai.store.returns.service.Returns;

/** A return as the counter and the manager page show it; money as decimal strings. */
@Schema(description = "A return: number is the code on the return slip (its own gapless sequence); amount what it refunds in all, refunded "
        + "what went back so far, due the rest; refundPlan what is still to refund, in the order it must be refunded (last paid tender first); "
        + "refundDeadline 3 working days after receipt, overdue when not refunded by then; cancelledAt and cancelReason once CANCELLED")
public record ReturnView(String id, String number, String status, String saleId, String slipNumber, String reason, String responsibleStaff,
                         String terminalId, String cashierCode, String createdAt, List<ReturnLineView> lines, String amount, String refunded, String due,
                         String currency, int approvalsNeeded, List<ReturnApprovalView> approvals, List<RefundPlanStep> refundPlan, List<ReturnRefundView> refunds,
                         String receivedAt, String refundDeadline, boolean overdue, String redLetterInvoice, String exchangeSaleId,
                         String cancelledAt, String cancelReason) {

    public record ReturnLineView(String saleLineId, String sku, String barcode, String name, String spec, String quantity, String unitPrice, String amount,
                           String received, String disposition) {
    }

    public record ReturnApprovalView(String managerCode, String at) {
    }

    /** payOut: for a cash step, what the drawer pays (the amount rounded down to the smallest piece; the fen left are waived). */
    public record RefundPlanStep(String tender, String amount, String paymentId, String payOut) {
    }

    public record ReturnRefundView(String id, String tender, String amount, String reference, String at, String shiftId, String exchangeSaleId) {
    }

    static ReturnView of(Returns.Detail d) {
        SaleReturn r = d.saleReturn();
        return new ReturnView(r.id(), Returns.returnNumber(r), r.status().name(), r.saleId(), d.slipCode(), r.reason().name(),
                r.responsibleStaff().orElse(null), r.terminalId(), r.cashierCode(), r.createdAt().toString(),
                r.lines().stream().map(l -> new ReturnLineView(l.saleLineId(), l.sku(), l.barcode(), l.name(), l.spec(), quantity(l.quantity()),
                        l.unitPrice().toPlainString(), l.amount().toPlainString(), l.received().map(ReturnView::quantity).orElse(null),
                        l.disposition().map(Enum::name).orElse(null))).toList(),
                r.amount().toPlainString(), r.refunded().toPlainString(), r.due().toPlainString(), r.currency().getCurrencyCode(),
                r.approvalsNeeded(), r.approvals().stream().map(a -> new ReturnApprovalView(a.managerCode(), a.approvedAt().toString())).toList(),
                d.plan().stream().map(s -> new RefundPlanStep(s.tender().name(), s.amount().toPlainString(), s.paymentId(),
                        d.payOut(s).map(Money::toPlainString).orElse(null))).toList(),
                r.refunds().stream().map(f -> new ReturnRefundView(f.id(), f.tender().name(), f.amount().toPlainString(), f.reference().orElse(null),
                        f.refundedAt().toString(), f.shiftId().orElse(null), f.exchangeSaleId().orElse(null))).toList(),
                r.receivedAt().map(Object::toString).orElse(null), d.refundDeadline().map(Object::toString).orElse(null), d.overdue(),
                r.redLetterInvoice().orElse(null), r.exchangeSaleId().orElse(null),
                r.cancelledAt().map(Object::toString).orElse(null), r.cancelReason().orElse(null));
    }

    static String quantity(BigDecimal q) {
        BigDecimal p = q.stripTrailingZeros();
        return (p.scale() < 0 ? p.setScale(0) : p).toPlainString();
    }
}
