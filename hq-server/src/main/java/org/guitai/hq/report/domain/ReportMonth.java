package org.guitai.hq.report.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.guitai.platform.problem.InvalidRequestException;

/** The calendar month a staff review covers: its business dates from the first to the last day. */
public record ReportMonth(YearMonth month) {

    /**
     * The month a query asks for, written {@code YYYY-MM}; none is the month of {@code today}.
     *
     * @throws InvalidRequestException when it is not a month
     */
    public static ReportMonth requested(String month, LocalDate today) {
        if (month == null || month.isBlank()) {
            return new ReportMonth(YearMonth.from(today));
        }
        try {
            return new ReportMonth(YearMonth.parse(month.trim()));
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("month '" + month + "' is not a month YYYY-MM");
        }
    }

    public ReportPeriod period() {
        return new ReportPeriod(month.atDay(1), month.atEndOfMonth());
    }
}
