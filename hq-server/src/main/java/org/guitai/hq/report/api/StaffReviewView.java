package org.guitai.hq.report.api;

import java.math.RoundingMode;
import java.util.List;
import org.guitai.hq.report.service.StaffReview;

/**
 * One member's line of the month's staff review on the wire (GET /api/reports/staff?month=YYYY-MM). {@code sales} is net
 * (credited sales less refunds of returned ones), {@code grossSales} and {@code refunded} its two parts; {@code returns}
 * counts the STAFF_ERROR returns attributed to the member; {@code averageTicket} is gross sales per transaction.
 */
public record StaffReviewView(String storeId, String staffCode, String sales, String grossSales, String refunded, long transactions,
                              String units, String averageTicket, long returns) {

    static List<StaffReviewView> of(List<StaffReview.StaffFigures> figures) {
        return figures.stream().map(f -> new StaffReviewView(f.member().storeId(), f.member().staffCode(), f.sales().toPlainString(),
                f.grossSales().toPlainString(), f.refunded().toPlainString(), f.transactions(), f.units().stripTrailingZeros().toPlainString(),
                f.averageTicket(RoundingMode.HALF_UP).toPlainString(), f.returns())).toList();
    }
}
