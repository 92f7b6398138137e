package org.guitai.hq.ingest.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.guitai.kernel.money.Money;

/**
 * A return the store refunded in full, as HQ keeps it for chain reports and staff review: one row of
 * {@code return_fact} per (store, return), written with the inbox entry of the event that brought it, and never changed.
 *
 * @param eventId the event that brought the return to HQ
 * @param reason QUALITY, CHANGE_OF_MIND or STAFF_ERROR
 * @param creditedStaff the member the returned sale was credited to, whose net sales the refund reduces
 * @param responsibleStaff for a STAFF_ERROR return, the member the cost is attributed to
 * @param businessDate the store's business date of the return (when it was refunded), the date reports group by
 * @param refunded what went back to the customer, the sum of the refunds
 */
public record ReturnFact(String storeId, String returnId, String eventId, String saleId, String terminalId, String cashier, String reason,
                         String creditedStaff, Optional<String> responsibleStaff, LocalDate businessDate, Instant completedAt, Money refunded) {

    public static final String STAFF_ERROR = "STAFF_ERROR";

    public ReturnFact {
        Objects.requireNonNull(refunded, "refunded");
        Objects.requireNonNull(responsibleStaff, "responsibleStaff");
    }
}
