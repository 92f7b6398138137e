package org.guitai.store.mobile.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.Optional;
import org.guitai.kernel.money.Money;
import org.guitai.platform.persistence.OnceById;
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

    /**
     * Records the charge as SENT unless one is recorded under the payment id already; of two requests
     * racing, one records it and the other finds it.
     */
    @OnceById
    public Attempt begin(String paymentId, String saleId, MobileChannel channel, Money amount, String gateway, Caller caller) {
        Optional<MobileCharge> recorded = Optional.ofNullable(em.find(MobileCharge.class, paymentId));
        if (recorded.isPresent()) {
            return new Attempt(recorded.get(), false);
        }
        MobileCharge charge = new MobileCharge(paymentId, saleId, channel, amount, gateway, caller.staffCode(), caller.terminalId(), clock.instant());
        em.persist(charge);
        audit.record(AuditEvent.MOBILE_CHARGE, AuditLog.Who.of(caller), saleId, paymentId,
                channel + " charge of " + amount.toPlainString() + " sent to the payment gateway " + gateway);
        return new Attempt(charge, true);
    }

    /** True while a charge for the sale was sent and is not on it yet: pending, or approved and not recorded (the sale has no tender). */
    @Transactional(TxType.SUPPORTS)
    public boolean unsettledFor(String saleId) {
        return em.createQuery("select count(c) from MobileCharge c where c.saleId = :sale and c.status <> :declined", Long.class)
                .setParameter("sale", saleId).setParameter("declined", MobileCharge.Status.DECLINED).getSingleResult() > 0;
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
