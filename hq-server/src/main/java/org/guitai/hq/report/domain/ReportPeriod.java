package org.guitai.hq.report.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.guitai.platform.problem.InvalidRequestException;

/**
 * The business dates a chain report covers, both inclusive: {@code to} is never before {@code from}
 * and at most {@link #MAX_DAYS} days after it.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    /** How many days a report covers at most, both ends counted. */
    public static final int MAX_DAYS = 366;

    public ReportPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new InvalidRequestException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        if (from.plusDays(MAX_DAYS - 1).isBefore(to)) {
            throw new InvalidRequestException("a chain report covers at most " + MAX_DAYS + " days");
        }
    }

    /**
     * The period a report's query asks for, dates written {@code YYYY-MM-DD}: neither date is
     * {@code today}; {@code from} alone is that one day; {@code to} alone runs from {@code today}.
     *
     * @throws InvalidRequestException naming the parameter that is not a date, or the rule the dates break
     */
    public static ReportPeriod requested(String from, String to, LocalDate today) {
        LocalDate start = date("from", from, today);
        LocalDate end = date("to", to, to == null && from != null ? start : today);
        return new ReportPeriod(start, end);
    }

    private static LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name + " '" + value + "' is not a date YYYY-MM-DD");
        }
    }
}
