package org.guitai.store.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guitai.platform.persistence.RowBatch;
import org.guitai.platform.persistence.SqlQuery;
import org.guitai.platform.persistence.Update;
import org.guitai.platform.security.Caller;
import org.guitai.store.audit.domain.AuditEvent;
import org.guitai.store.audit.service.AuditLog;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.report.domain.PeriodReport;
import org.guitai.store.report.domain.TargetBoard;
import org.guitai.store.report.domain.ReportRuleException;
import org.guitai.store.staff.domain.Role;

/**
 * The store's monthly sales target (set here until HQ sends it) and its split across staff
 * (目标分解); progress counts the sales credited to each person (the associate named on the sale,
 * else the cashier).
 */
@ApplicationScoped
@Transactional
public class Targets {

    private static final RowBatch.Table SHARE = RowBatch.table("sales_target_share", List.of("month", "staff_code", "amount"));

    @PersistenceContext(unitName = "store")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    StoreSettings settings;

    @Inject
    Clock clock;

    public TargetBoard set(YearMonth month, BigDecimal amount, Caller caller) {
        caller.require("setting the store's target", Role.STORE_MANAGER);
        requireMoney(amount, "the target");
        new Update("insert into sales_target (month, amount, currency, set_by, set_at) values (?, ?, ?, ?, ?) on duplicate key update "
                + "amount = values(amount), set_by = values(set_by), set_at = values(set_at)",
                List.of(month.toString(), amount, settings.currency().getCurrencyCode(), caller.staffCode(), clock.instant())).execute(em);
        audit.record(AuditEvent.TARGET_SET, AuditLog.Who.of(caller), null, month.toString(), "store target for " + month + ": " + amount.toPlainString());
        return board(month, caller);
    }

    /** Replaces the month's split: every share for an active staff member, together exactly the store's target. */
    public TargetBoard split(YearMonth month, Map<String, BigDecimal> shares, Caller caller) {
        caller.require("splitting the store's target", Role.STORE_MANAGER);
        BigDecimal target = amount(month).orElseThrow(() -> new ReportRuleException("no-target", "No target",
                "set the store's target for " + month + " before splitting it"));
        List<String> problems = new ArrayList<>();
        shares.forEach((code, amount) -> {
            if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
                problems.add(code + ": " + amount.toPlainString() + " is not an amount of 0 or more in fen");
            }
            if (SqlQuery.first(em, "select code from staff where code = ? and active", r -> r.string("code"), code).isEmpty()) {
                problems.add(code + " is not active staff of this store");
            }
        });
        BigDecimal sum = shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (problems.isEmpty() && sum.compareTo(target) != 0) {
            problems.add("the shares add up to " + sum.toPlainString() + ", not the target of " + target.toPlainString());
        }
        if (!problems.isEmpty()) {
            throw new ReportRuleException("bad-split", "Bad target split", String.join("; ", problems), Map.of("violations", problems));
        }
        new Update("delete from sales_target_share where month = ?", List.of(month.toString())).execute(em);
        List<List<Object>> rows = new ArrayList<>();
        shares.forEach((code, amount) -> rows.add(Arrays.asList(month.toString(), code, amount)));
        new RowBatch().insertRows(SHARE, rows).execute(em);
        audit.record(AuditEvent.TARGET_SET, AuditLog.Who.of(caller), null, month.toString(), "target of " + month + " split across " + shares.size()
                + " staff: " + shares);
        return board(month, caller);
    }

    /** The board for the month: any staff member may read it (the terminals show it). */
    /** Read in a transaction: its plain SQL runs on the transaction's connection. */
    public TargetBoard board(YearMonth month, Caller reader) {
        Optional<BigDecimal> amount = amount(month);
        Object[] period = {month.atDay(1), month.atEndOfMonth()};
        Map<String, BigDecimal> sales = new LinkedHashMap<>();
        SqlQuery.list(em, "select coalesce(s.associate_code, s.cashier_code) code, sum(s.total) total from sale s where s.business_date between ? and ? "
                + "and s.paid_at is not null group by code", r -> Map.entry(r.string("code"), r.decimal("total")), period)
                .forEach(e -> sales.put(e.getKey(), e.getValue()));
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        SqlQuery.list(em, "select staff_code, amount from sales_target_share where month = ?", r -> Map.entry(r.string("staff_code"), r.decimal("amount")),
                month.toString()).forEach(e -> shares.put(e.getKey(), e.getValue()));
        List<TargetBoard.Share> staff = SqlQuery.list(em, "select code, name from staff where active or code in (select staff_code from sales_target_share "
                + "where month = ?) order by code", r -> Map.entry(r.string("code"), r.string("name")), month.toString()).stream()
                .filter(m -> shares.containsKey(m.getKey()) || sales.containsKey(m.getKey()))
                .map(m -> {
                    BigDecimal sold = sales.getOrDefault(m.getKey(), BigDecimal.ZERO.setScale(2));
                    Optional<BigDecimal> share = Optional.ofNullable(shares.get(m.getKey()));
                    return new TargetBoard.Share(m.getKey(), m.getValue(), share, sold, TargetBoard.attainment(sold, share));
                }).toList();
        BigDecimal total = sales.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new TargetBoard(month, settings.currency().getCurrencyCode(), amount, total, TargetBoard.attainment(total, amount), staff);
    }

    /** The month's target against its sales up to {@code upTo}, if the month has a target. */
    /** Read in a transaction: its plain SQL runs on the transaction's connection. */
    public Optional<PeriodReport.TargetLine> progress(YearMonth month, LocalDate upTo) {
        return amount(month).map(target -> {
            BigDecimal sold = SqlQuery.first(em, "select coalesce(sum(s.total), 0) total from sale s where s.business_date between ? and ? "
                    + "and s.paid_at is not null", r -> r.decimal("total"), month.atDay(1), upTo).orElseThrow();
            return new PeriodReport.TargetLine(month.toString(), target, sold, TargetBoard.attainment(sold, Optional.of(target)).orElse(BigDecimal.ZERO));
        });
    }

    private Optional<BigDecimal> amount(YearMonth month) {
        return SqlQuery.first(em, "select amount from sales_target where month = ?", r -> r.decimal("amount"), month.toString());
    }

    private static void requireMoney(BigDecimal amount, String what) {
        if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new ReportRuleException("bad-amount", "Bad amount", what + " is an amount of 0 or more in fen, not " + amount.toPlainString());
        }
    }
}
