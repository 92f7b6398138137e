package org.guitai.store.report.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What a day, week or month of the store comes to. Amounts in the store's currency. */
public record PeriodReport(LocalDate from, LocalDate to, String currency, int transactions, BigDecimal total, BigDecimal averageTicket,
                           BigDecimal units, BigDecimal discounts, Tally voids, Tally cancelled, Tally returns, List<HourLine> byHour,
                           List<DayLine> byDay, List<GroupLine> byCategory, List<GroupLine> byBrand, List<StaffLine> byStaff,
                           List<TenderLine> byTender, List<ProductLine> bestSellers, List<ProductLine> slowSellers,
                           List<OverShortLine> overShort, Optional<TargetLine> target, BigDecimal refunded,
                           List<TenderLine> refundsByTender) {

    public record Tally(int count, BigDecimal amount) {
    }

    public record HourLine(int hour, int transactions, BigDecimal total) {
    }

    public record DayLine(LocalDate date, int transactions, BigDecimal total) {
    }

    /** A category or a brand. */
    public record GroupLine(String name, BigDecimal units, BigDecimal total) {
    }

    public record StaffLine(String staffCode, String name, int transactions, BigDecimal total) {
    }

    public record TenderLine(String tender, int count, BigDecimal amount) {
    }

    /** A product with what it sold in the period and what is on hand now. */
    public record ProductLine(String sku, String name, String brand, String model, BigDecimal units, BigDecimal total, BigDecimal stock) {
    }

    /** A cashier's closed shifts of the period: how many, their differences summed, the worst grade. */
    public record OverShortLine(String cashierCode, String name, int shifts, BigDecimal difference, String worstErrorLevel) {
    }

    /** The month's target against the month's sales up to the end of the period. */
    public record TargetLine(String month, BigDecimal amount, BigDecimal sales, BigDecimal attainment) {
    }
}
