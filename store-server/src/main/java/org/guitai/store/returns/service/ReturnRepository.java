package org.guitai.store.returns.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guitai.platform.persistence.GaplessNumbers;
import org.guitai.platform.persistence.InstantConverter;
import org.guitai.platform.persistence.SqlQuery;
import org.guitai.store.returns.domain.ReturnNotFoundException;
import org.guitai.store.returns.domain.ReturnStatus;
import org.guitai.store.returns.domain.SaleReturn;

@ApplicationScoped
public class ReturnRepository {

    /** The gapless sequence of return numbers (the return slip's number). */
    public static final String COUNTER = "return";

    @PersistenceContext(unitName = "store")
    EntityManager em;

    public Optional<SaleReturn> find(String id) {
        return Optional.ofNullable(em.find(SaleReturn.class, id));
    }

    public SaleReturn get(String id) {
        return find(id).orElseThrow(() -> new ReturnNotFoundException("id " + id));
    }

    /** The return locked until the transaction ends. */
    public SaleReturn getForUpdate(String id) {
        return Optional.ofNullable(em.find(SaleReturn.class, id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new ReturnNotFoundException("id " + id));
    }

    public void add(SaleReturn saleReturn) {
        em.persist(saleReturn);
        em.flush();
    }

    public void flush() {
        em.flush();
    }

    /** How much of each line of the sale its returns took back (all but the cancelled ones). Read as committed. */
    public Map<String, BigDecimal> returnedBySaleLine(String saleId) {
        em.flush();
        Map<String, BigDecimal> returned = new HashMap<>();
        SqlQuery.list(em, "select l.sale_line_id, sum(l.quantity) q from return_line l join sale_return r on r.id = l.return_id "
                        + "where r.sale_id = ? and r.status <> 'CANCELLED' group by l.sale_line_id", row -> Map.entry(row.string("sale_line_id"), row.decimal("q")), saleId)
                .forEach(e -> returned.put(e.getKey(), e.getValue()));
        return returned;
    }

    /** What the refunds of the sale's returns gave back against each of its payments. */
    public Map<String, BigDecimal> refundedByPayment(String saleId) {
        em.flush();
        Map<String, BigDecimal> refunded = new HashMap<>();
        SqlQuery.list(em, "select f.payment_id, sum(f.amount) a from return_refund f join sale_return r on r.id = f.return_id "
                        + "where r.sale_id = ? and f.payment_id is not null group by f.payment_id", row -> Map.entry(row.string("payment_id"), row.decimal("a")), saleId)
                .forEach(e -> refunded.put(e.getKey(), e.getValue()));
        return refunded;
    }

    /** True when some refund of any return has this id. */
    public boolean refundExists(String refundId) {
        return ((Number) em.createNativeQuery("select count(*) from return_refund where id = ?1").setParameter(1, refundId).getSingleResult())
                .longValue() > 0;
    }

    /** The returns of a sale, oldest first. */
    public List<SaleReturn> ofSale(String saleId) {
        return em.createQuery("select r from SaleReturn r where r.saleId = :sale order by r.number", SaleReturn.class)
                .setParameter("sale", saleId).getResultList();
    }

    /** Returns, newest first, optionally in some states only, at most {@code limit}. */
    public List<SaleReturn> list(List<ReturnStatus> statuses, int limit) {
        return list(statuses, "r.number desc", limit);
    }

    /** Returns in these states received longest ago first: the most overdue never fall off the end of a long list. */
    public List<SaleReturn> listReceivedLongestAgoFirst(List<ReturnStatus> statuses, int limit) {
        return list(statuses, "r.receivedAt asc, r.number asc", limit);
    }

    private List<SaleReturn> list(List<ReturnStatus> statuses, String order, int limit) {
        var query = em.createQuery("select r from SaleReturn r" + (statuses.isEmpty() ? "" : " where r.status in :statuses")
                + " order by " + order, SaleReturn.class).setMaxResults(limit);
        if (!statuses.isEmpty()) {
            query.setParameter("statuses", statuses);
        }
        return query.getResultList();
    }

    /** True once the return's slip printed (the first print is the original; later ones are copies). */
    public boolean slipPrinted(String returnId) {
        return ((Number) em.createNativeQuery("select count(*) from return_slip_first_print where return_id = ?1").setParameter(1, returnId)
                .getSingleResult()).longValue() > 0;
    }

    /** The first print of the return's slip: when, by whom, where, and whether it was asked for as a copy. */
    public void recordFirstPrint(String returnId, boolean asCopy, Instant at, String staffCode, String terminalId) {
        em.createNativeQuery("insert into return_slip_first_print (return_id, printed_at, as_copy, printed_by, terminal_id) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, returnId).setParameter(2, InstantConverter.utc(at)).setParameter(3, asCopy).setParameter(4, staffCode)
                .setParameter(5, terminalId).executeUpdate();
    }

    public long nextNumber() {
        return GaplessNumbers.next(em, COUNTER);
    }
}
