package org.guitai.store.sale.api;

import java.util.List;
import org.guitai.store.sale.domain.NoteCount;
import org.guitai.store.sale.domain.Payment;
import org.guitai.store.sale.service.SaleService;

/** 唱: the tender as recorded, the change by denomination, the words to announce, and the sale after it. */
public record TenderView(PaymentView payment, List<Pieces> changeBreakdown, String announcement, SaleView sale) {

    public record PaymentView(String id, String tender, String received, String applied, String change) {

        static PaymentView of(Payment p) {
            return new PaymentView(p.id(), p.tender().name(), p.received().toPlainString(), p.applied().toPlainString(),
                    p.change().toPlainString());
        }
    }

    public record Pieces(String denomination, int count) {

        static Pieces of(NoteCount n) {
            return new Pieces(n.denomination().stripTrailingZeros().toPlainString(), n.count());
        }
    }

    static TenderView of(SaleService.TenderResult result) {
        return new TenderView(PaymentView.of(result.payment()), result.changeBreakdown().stream().map(Pieces::of).toList(),
                result.announcement(), SaleView.of(result.sale()));
    }
}
