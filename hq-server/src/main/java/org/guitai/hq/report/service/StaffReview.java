package org.guitai.hq.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.guitai.hq.platform.config.HqSettings;
import org.guitai.hq.report.domain.ReportMonth;
import org.guitai.hq.report.domain.ReportPeriod;
import org.guitai.hq.staff.domain.HqRole;
import org.guitai.kernel.money.Money;
import org.guitai.platform.security.Caller;

/**
 * The month's staff review from the sale and return facts. A member's {@code sales} are net: what the sales credited to
 * them came to, less what the returns of sales credited to them refunded (a return is counted in the month it was
 * refunded, whenever its sale was made). A sale is credited to its associate, else its cashier, as the store credits it
 * (and names in a return's creditedStaff). {@code returns} counts the STAFF_ERROR returns whose cost
 * is attributed to the member. Every member with a sale, a refund or a return attributed in the month appears.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class StaffReview {

    @PersistenceContext(unitName = "hq")
    EntityManager em;

    @Inject
    HqSettings settings;

    public record Member(String storeId, String staffCode) {
    }

    /**
     * One member's month.
     *
     * @param grossSales what the sales credited to them came to; {@code refunded} what returns of those gave back
     * @param transactions how many sales were credited to them, {@code units} how many units those sold
     * @param returns how many STAFF_ERROR returns are attributed to them
     */
    public record StaffFigures(Member member, Money grossSales, Money refunded, long transactions, BigDecimal units, long returns) {

        /** Net sales: credited sales less the refunds of returned ones. */
        public Money sales() {
            return grossSales.minus(refunded);
        }

        /** What a credited sale came to on average (gross), to the fen; zero without sales. */
        public Money averageTicket(RoundingMode rounding) {
            return transactions == 0 ? grossSales.minus(grossSales) : grossSales.dividedBy(BigDecimal.valueOf(transactions), rounding);
        }
    }

    /** What the database adds up per member. */
    record Credited(Member member, long transactions, BigDecimal total, BigDecimal units) {
    }

    record Refunded(Member member, BigDecimal refunded) {
    }

    record Attributed(Member member, long returns) {
    }

    /** Every member with anything in the month, by store and staff code; amounts in {@code currency}. */
    static List<StaffFigures> of(Currency currency, List<Credited> credited, List<Refunded> refunded, List<Attributed> attributed) {
        Money zero = Money.zero(currency);
        Map<Member, StaffFigures> members = new TreeMap<>(Comparator.comparing(Member::storeId).thenComparing(Member::staffCode));
        java.util.function.Function<Member, StaffFigures> empty = m -> new StaffFigures(m, zero, zero, 0, BigDecimal.ZERO, 0);
        for (Credited c : credited) {
            StaffFigures f = members.computeIfAbsent(c.member(), empty);
            members.put(c.member(), new StaffFigures(c.member(), f.grossSales().plus(Money.of(c.total(), currency)), f.refunded(),
                    f.transactions() + c.transactions(), f.units().add(c.units()), f.returns()));
        }
        for (Refunded r : refunded) {
            StaffFigures f = members.computeIfAbsent(r.member(), empty);
            members.put(r.member(), new StaffFigures(r.member(), f.grossSales(), f.refunded().plus(Money.of(r.refunded(), currency)),
                    f.transactions(), f.units(), f.returns()));
        }
        for (Attributed a : attributed) {
            StaffFigures f = members.computeIfAbsent(a.member(), empty);
            members.put(a.member(), new StaffFigures(a.member(), f.grossSales(), f.refunded(), f.transactions(), f.units(),
                    f.returns() + a.returns()));
        }
        return List.copyOf(members.values());
    }

    /** The month's figures of every member, for HQ's analysts and admins. */
    public List<StaffFigures> month(ReportMonth month, Caller reader) {
        reader.require("reading the staff review", HqRole.HQ_ANALYST, HqRole.HQ_ADMIN);
        ReportPeriod period = month.period();
        String currency = settings.currency().getCurrencyCode();
        Map<Member, BigDecimal> units = new java.util.HashMap<>();
        rows("""
                select f.store_id, coalesce(f.associate, f.cashier), sum(l.quantity)
                from sale_fact f join sale_fact_line l on l.store_id = f.store_id and l.sale_id = f.sale_id
                where f.business_date between ? and ? and f.currency = ?
                group by f.store_id, coalesce(f.associate, f.cashier)""", period, currency).forEach(r -> units.put(member(r), (BigDecimal) r[2]));
        List<Credited> credited = rows("""
                select store_id, coalesce(associate, cashier), count(*), sum(total) from sale_fact
                where business_date between ? and ? and currency = ?
                group by store_id, coalesce(associate, cashier)""", period, currency).stream()
                .map(r -> new Credited(member(r), ((Number) r[2]).longValue(), (BigDecimal) r[3], units.getOrDefault(member(r), BigDecimal.ZERO)))
                .toList();
        List<Refunded> refunded = rows("""
                select store_id, credited_staff, sum(refunded) from return_fact
                where business_date between ? and ? and currency = ?
                group by store_id, credited_staff""", period, currency).stream()
                .map(r -> new Refunded(member(r), (BigDecimal) r[2])).toList();
        List<Attributed> attributed = rows("""
                select store_id, responsible_staff, count(*) from return_fact
                where business_date between ? and ? and currency = ? and reason = 'STAFF_ERROR'
                group by store_id, responsible_staff""", period, currency).stream()
                .map(r -> new Attributed(member(r), ((Number) r[2]).longValue())).toList();
        return of(settings.currency(), credited, refunded, attributed);
    }

    private List<Object[]> rows(String sql, ReportPeriod period, String currency) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, period.from()).setParameter(2, period.to()).setParameter(3, currency)
                .getResultList();
        return rows;
    }

    private static Member member(Object[] row) {
        return new Member((String) row[0], (String) row[1]);
    }
}
