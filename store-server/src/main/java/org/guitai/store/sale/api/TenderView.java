package org.guitai.store.sale.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.guitai.store.sale.domain.NoteCount;

/** 唱: the tender as recorded, the change by denomination, the words to announce, and the sale after it. */
@Schema(description = "唱: the tender as recorded, the change by denomination, the words to announce, and the sale after it")
public record TenderView(SaleView.PaymentView payment, List<Pieces> changeBreakdown, String announcement, SaleView sale) {

    public record Pieces(String denomination, int count) {

        static Pieces of(NoteCount n) {
            return new Pieces(n.denomination().stripTrailingZeros().toPlainString(), n.count());
        }
    }
}
