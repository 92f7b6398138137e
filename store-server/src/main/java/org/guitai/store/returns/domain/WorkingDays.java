package org.guitai.store.returns.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Working days: not a Saturday or Sunday and not one of the store's configured holidays. */
public final class WorkingDays {

    private final Set<LocalDate> holidays;

    public WorkingDays(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** The {@code n}-th working day after {@code from} (the day itself does not count). */
    public LocalDate after(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("a number of working days is 0 or more, not " + n);
        }
        LocalDate day = from;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
