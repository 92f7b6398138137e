package org.guitai.kernel.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A return the store has refunded in full, as HQ needs it for chain reports and staff review: no
 * customer personal data. Amounts are positive decimal strings in {@code currency}: {@code refunded}
 * is what went back to the customer (the sum of {@code refunds}), each line's {@code amount} its share
 * of it. {@code creditedStaff} is the member the original sale was credited to (its associate, else
 * its cashier), whose net sales the refund reduces; {@code responsibleStaff} is set for a
 * STAFF_ERROR return only, the member the cost is attributed to.
 */
public record ReturnCompleted(UUID returnId, UUID saleId, String terminalId, String cashier, String reason,
                              String creditedStaff, String responsibleStaff, Instant completedAt, LocalDate businessDate,
                              String currency, String refunded, List<Line> lines, List<Refund> refunds) {

    public ReturnCompleted {
        lines = lines == null ? List.of() : List.copyOf(lines);
        refunds = refunds == null ? List.of() : List.copyOf(refunds);
    }

    /** One returned line: the original sale line, how many came back, what was refunded for them and what became of them. */
    public record Line(UUID saleLineId, String sku, String quantity, String amount, String disposition) {
    }

    /** One refund by tender: CASH, CARD, CHECK, MOBILE, or EXCHANGE (credited to a new sale). */
    public record Refund(String tender, String amount) {
    }
}
