package org.guitai.hq.ingest.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.guitai.kernel.money.Money;

/**
 * A sale as HQ keeps it for the chain's reports: one row of {@code sale_fact} per (store, sale),
 * written with the inbox entry of the event that brought it, and never changed.
 *
 * @param eventId the event that brought the sale to HQ
 * @param associate the sales associate who served the customer, credited with the sale in staff review (else the cashier is)
 * @param businessDate the store's business date of the sale, the date chain reports group by
 */
public record SaleFact(String storeId, String saleId, String eventId, String terminalId, String cashier, Optional<String> associate,
                       Optional<Long> slipNumber,
                       LocalDate businessDate, Instant completedAt, Money total, Money tax) {

    public record Key(String storeId, String saleId) {
    }

    public SaleFact {
        Objects.requireNonNull(total, "total");
        if (!total.currency().equals(tax.currency())) {
            throw new IllegalArgumentException("a sale's total and tax are in one currency");
        }
    }

    /** Who the sale is credited to in staff review: its associate, else its cashier. */
    public String creditedStaff() {
        return associate.orElse(cashier);
    }

    public Key key() {
        return new Key(storeId, saleId);
    }
}
