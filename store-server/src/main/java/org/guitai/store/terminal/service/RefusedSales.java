package org.guitai.store.terminal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.guitai.platform.persistence.InstantConverter;
import org.guitai.platform.security.Caller;
import org.guitai.platform.security.ForbiddenException;
import org.guitai.store.audit.domain.AuditEvent;
import org.guitai.store.audit.service.AuditLog;
import org.guitai.store.staff.domain.Role;

/**
 * Sales a terminal made that the store refused when they were sent (a product gone, a price that
 * had changed, a cashier no longer active). The goods were sold and the cash taken, so the terminal
 * never drops one: it keeps it and reports it here with its state; the store manager sees each on
 * the manager's page with the store's reason and settles it (resolved, with a note). A sale the
 * terminal no longer reports (sent again and taken) is withdrawn from the list.
 */
@ApplicationScoped
@Transactional
public class RefusedSales {

    /** A refused sale as the terminal reports it: the store's answer then, and the document as it was. */
    public record Report(String saleId, String cashierCode, String createdAt, int status, String problemType, String reason,
                         String refusedAt, String document) {
    }

    /** A refused sale as the manager sees it. */
    public record Refused(String saleId, String terminalId, String cashierCode, String createdAt, int status, String problemType,
                          String reason, String refusedAt, String document, Instant reportedAt, Optional<Instant> resolvedAt,
                          Optional<String> resolvedBy, Optional<String> note) {
    }

    @PersistenceContext(unitName = "store")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The terminal's whole list of sales refused and kept: new ones are added, the rest of its open ones withdrawn. */
    public int report(String terminalId, List<Report> refused, Caller caller) {
        if (!terminalId.equals(caller.terminalId())) {
            throw new ForbiddenException((caller.isTerminal() ? "terminal " + caller.terminalId() : "staff at " + caller.terminalId())
                    + " cannot report the refused sales of terminal " + terminalId);
        }
        java.time.LocalDateTime now = InstantConverter.utc(clock.instant());
        for (Report r : refused) {
            em.createNativeQuery("insert into terminal_refused_sale (sale_id, terminal_id, cashier_code, created_at, status, problem_type,"
                            + " reason, document, refused_at, reported_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " on duplicate key update reported_at = values(reported_at), withdrawn_at = null, status = values(status),"
                            + " problem_type = values(problem_type), reason = values(reason), refused_at = values(refused_at)")
                    .setParameter(1, r.saleId()).setParameter(2, terminalId).setParameter(3, r.cashierCode()).setParameter(4, r.createdAt())
                    .setParameter(5, r.status()).setParameter(6, r.problemType()).setParameter(7, cut(r.reason(), 1000))
                    .setParameter(8, r.document()).setParameter(9, r.refusedAt()).setParameter(10, now)
                    .executeUpdate();
        }
        String kept = refused.isEmpty() ? "" : " and sale_id not in (" + String.join(",", refused.stream().map(r -> "?").toList()) + ")";
        var withdraw = em.createNativeQuery("update terminal_refused_sale set withdrawn_at = ? where terminal_id = ? and resolved_at is null"
                + " and withdrawn_at is null" + kept).setParameter(1, now).setParameter(2, terminalId);
        for (int i = 0; i < refused.size(); i++) {
            withdraw.setParameter(3 + i, refused.get(i).saleId());
        }
        withdraw.executeUpdate();
        return refused.size();
    }

    /** The refused sales still to settle (or every one, settled ones too), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Refused> list(boolean openOnly, Caller caller) {
        caller.require("listing the sales the store refused", Role.STORE_MANAGER);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select sale_id, terminal_id, cashier_code, created_at, status, problem_type, reason, refused_at,"
                + " document, reported_at, resolved_at, resolved_by, resolution_note from terminal_refused_sale"
                + (openOnly ? " where resolved_at is null and withdrawn_at is null" : "") + " order by refused_at desc limit 500").getResultList();
        return rows.stream().map(r -> new Refused((String) r[0], (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).intValue(),
                (String) r[5], (String) r[6], (String) r[7], (String) r[8], instant(r[9]), Optional.ofNullable(r[10]).map(RefusedSales::instant),
                Optional.ofNullable((String) r[11]), Optional.ofNullable((String) r[12]))).toList();
    }

    /** The manager settled it (re-entered it, refunded it, wrote it off): it leaves the list, audited with the note. */
    public void resolve(String saleId, String note, Caller caller) {
        caller.require("settling a sale the store refused", Role.STORE_MANAGER);
        int changed = em.createNativeQuery("update terminal_refused_sale set resolved_at = ?, resolved_by = ?, resolution_note = ?"
                        + " where sale_id = ? and resolved_at is null")
                .setParameter(1, InstantConverter.utc(clock.instant())).setParameter(2, caller.staffCode()).setParameter(3, cut(note, 500))
                .setParameter(4, saleId).executeUpdate();
        if (changed == 0) {
            Number known = (Number) em.createNativeQuery("select count(*) from terminal_refused_sale where sale_id = ?").setParameter(1, saleId)
                    .getSingleResult();
            throw known.intValue() == 0 ? new RefusedSaleNotFoundException(saleId) : new RefusedSaleNotFoundException.AlreadySettled(saleId);
        }
        audit.record(AuditEvent.REFUSED_SALE_RESOLVED, AuditLog.Who.of(caller), saleId, null, "settled: " + note);
    }

    private static String cut(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max);
    }

    /** A DATETIME(6) as the driver hands it over (a Timestamp or a LocalDateTime of the UTC wall clock). */
    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return InstantConverter.instant(t.toLocalDateTime());
        }
        if (value instanceof java.time.LocalDateTime l) {
            return InstantConverter.instant(l);
        }
        return (Instant) value;
    }
}
