package org.guitai.store.mobile.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.guitai.kernel.money.Money;
import org.guitai.platform.persistence.InstantConverter;
import org.guitai.platform.security.Caller;
import org.guitai.store.audit.domain.AuditEvent;
import org.guitai.store.audit.service.AuditLog;
import org.guitai.store.mobile.domain.ChargeOutcome;
import org.guitai.store.mobile.domain.MobileChannel;
import org.guitai.store.mobile.domain.MobileCharge;

/**
 * The record of each charge sent to the gateway, each change committed in a transaction of its own
 * (never the sale's): the SENT row must be on disk before the gateway is called, and the answer as
 * soon as it comes, whatever the sale's transaction then does.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class ChargeAttempts {

    @PersistenceContext(unitName = "store")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The charge asked for, and whether this call recorded it (then it is to be sent) or found it recorded before. */
    public record Attempt(MobileCharge charge, boolean recordedNow) {
    }

    /** The charge recorded under the payment id, if any. */
    @Transactional(TxType.SUPPORTS)
    public Optional<MobileCharge> find(String paymentId) {
        return Optional.ofNullable(em.find(MobileCharge.class, paymentId));
    }

    /**
     * Records the charge as SENT unless one is recorded under the payment id already, in the
     * caller's transaction: the one that locked the sale and checked that it takes the amount, so
     * that the charge reserves it before the sale's lock is let go.
     */
    @Transactional(TxType.MANDATORY)
    public Attempt begin(String paymentId, String saleId, MobileChannel channel, Money amount, String gateway, Caller caller) {
        Optional<MobileCharge> recorded = find(paymentId);
        if (recorded.isPresent()) {
            return new Attempt(recorded.get(), false);
        }
        MobileCharge charge = new MobileCharge(paymentId, saleId, channel, amount, gateway, caller.staffCode(), caller.terminalId(), clock.instant());
        em.persist(charge);
        audit.record(AuditEvent.MOBILE_CHARGE, AuditLog.Who.of(caller), saleId, paymentId,
                channel + " charge of " + amount.toPlainString() + " sent to the payment gateway " + gateway);
        return new Attempt(charge, true);
    }

    /**
     * The charges of the sale that were sent and not declined: pending (SENT) or approved. Read in the
     * caller's transaction, after it locked the sale: a charge begins only under that lock.
     */
    @Transactional(TxType.SUPPORTS)
    public List<MobileCharge> notDeclinedFor(String saleId) {
        return em.createQuery("select c from MobileCharge c where c.saleId = :sale and c.status <> :declined order by c.sentAt", MobileCharge.class)
                .setParameter("sale", saleId).setParameter("declined", MobileCharge.Status.DECLINED).getResultList();
    }

    /** The payment ids of charges sent from {@code from} until {@code before} and still SENT, oldest first (at most 100 a time). */
    @Transactional(TxType.SUPPORTS)
    public List<String> sentBetween(Instant from, Instant before) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select payment_id from mobile_charge where status = 'SENT' and sent_at >= ? and sent_at < ?"
                        + " order by sent_at limit 100")
                .setParameter(1, InstantConverter.utc(from)).setParameter(2, InstantConverter.utc(before)).getResultList();
        return ids.stream().map(String::valueOf).toList();
    }

    /** A charge the provider approved that is on no payment of the store: the customer paid, the sale does not show it. */
    public record Unrecorded(String paymentId, String saleId, MobileChannel channel, String transactionId, Money amount) {
    }

    /** The approved charges of the shift's sales that no payment records, oldest first. */
    @Transactional(TxType.SUPPORTS)
    public List<Unrecorded> unrecordedOfShift(String shiftId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select c.payment_id, c.sale_id, c.channel, c.transaction_id, c.amount, c.currency"
                        + " from mobile_charge c join sale s on s.id = c.sale_id"
                        + " where s.shift_id = ? and c.status = 'APPROVED' and not exists (select 1 from payment p where p.id = c.payment_id)"
                        + " order by c.sent_at")
                .setParameter(1, shiftId).getResultList();
        return rows.stream().map(r -> new Unrecorded(String.valueOf(r[0]), String.valueOf(r[1]), MobileChannel.valueOf(String.valueOf(r[2])),
                String.valueOf(r[3]), Money.of((BigDecimal) r[4], Currency.getInstance(String.valueOf(r[5]))))).toList();
    }

    /** Records the gateway's answer (pending changes nothing) and audits a decision. */
    public MobileCharge decide(String paymentId, ChargeOutcome outcome, Caller caller) {
        MobileCharge charge = em.find(MobileCharge.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
        if (charge.decide(outcome, clock.instant())) {
            String detail = switch (charge.status()) {
                case APPROVED -> "approved, transaction " + charge.transactionId().orElseThrow();
                case DECLINED -> "declined: " + ((ChargeOutcome.Declined) outcome).reason();
                case SENT -> "pending";
            };
            audit.record(AuditEvent.MOBILE_CHARGE, AuditLog.Who.of(caller), charge.saleId(), paymentId,
                    charge.channel() + " charge of " + charge.amount().toPlainString() + " " + detail);
        }
        return charge;
    }
}
