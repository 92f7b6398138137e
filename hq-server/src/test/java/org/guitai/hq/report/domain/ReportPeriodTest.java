package org.guitai.hq.report.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.guitai.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** Which business dates a chain report covers, from its query's {@code from} and {@code to}. */
class ReportPeriodTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static ReportPeriod requested(String from, String to) {
        return ReportPeriod.requested(from, to, TODAY);
    }

    private static String refusal(String from, String to) {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> requested(from, to));
        assertEquals(400, refused.status());
        assertEquals("invalid-request", refused.slug());
        return refused.detail();
    }

    @Test
    void withoutDatesTheReportIsToday() {
        assertEquals(new ReportPeriod(TODAY, TODAY), requested(null, null));
        assertEquals(new ReportPeriod(TODAY, TODAY), requested("", " "), "blank counts as absent");
    }

    @Test
    void fromAloneIsThatOneDay() {
        assertEquals(new ReportPeriod(LocalDate.of(2031, 3, 14), LocalDate.of(2031, 3, 14)), requested("2031-03-14", null),
                "one day, even a day after today");
    }

    @Test
    void toAloneRunsFromToday() {
        assertEquals(new ReportPeriod(TODAY, LocalDate.of(2026, 12, 31)), requested(null, "2026-12-31"));
        assertEquals("'to' (2026-11-01) is before 'from' (2026-11-23)", refusal(null, "2026-11-01"));
    }

    @Test
    void bothDatesAreIncludedAndMayBeTheSameDay() {
        assertEquals(new ReportPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)), requested("2026-11-01", "2026-11-30"));
        assertEquals(new ReportPeriod(TODAY, TODAY), requested("2026-11-23", "2026-11-23"));
        assertEquals(new ReportPeriod(TODAY, TODAY), requested(" 2026-11-23 ", "2026-11-23\n"), "blanks around a date are not the date");
    }

    @Test
    void toBeforeFromIsRefusedNamingBoth() {
        assertEquals("'to' (2031-03-14) is before 'from' (2031-03-15)", refusal("2031-03-15", "2031-03-14"));
        assertThrows(InvalidRequestException.class, () -> new ReportPeriod(TODAY, TODAY.minusDays(1)), "the period guards itself");
    }

    @Test
    void aWholeLeapYearIsOneReportButNotTwoYears() {
        assertEquals(new ReportPeriod(LocalDate.of(2028, 1, 1), LocalDate.of(2028, 12, 31)), requested("2028-01-01", "2028-12-31"));
        assertEquals("a chain report covers at most 366 days", refusal("2028-01-01", "2029-01-01"), "367 days, both ends counted");
        assertEquals("a chain report covers at most 366 days", refusal("2028-01-01", "2029-01-02"));
        assertEquals("a chain report covers at most 366 days", refusal("2026-01-01", "2027-12-31"));
    }

    @Test
    void aDateThatIsNotYyyyMmDdIsRefusedNamingItsParameter() {
        assertEquals("from 'yesterday' is not a date YYYY-MM-DD", refusal("yesterday", null));
        assertEquals("to '2031-3-14' is not a date YYYY-MM-DD", refusal("2031-03-01", "2031-3-14"));
        assertEquals("to '2031-02-30' is not a date YYYY-MM-DD", refusal("2031-02-01", "2031-02-30"), "no such day");
        assertEquals("from '14.03.2031' is not a date YYYY-MM-DD", refusal("14.03.2031", "2031-03-14"));
    }
}
