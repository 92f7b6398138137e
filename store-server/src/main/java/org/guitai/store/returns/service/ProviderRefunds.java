package org.guitai.store.returns.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guitai.kernel.money.Money;
import org.guitai.platform.persistence.InstantConverter;
import org.guitai.platform.persistence.SqlQuery;
import org.guitai.store.returns.domain.ReturnRuleException;

/**
 * The mobile refunds asked of the payment provider. A request is committed on its own before the
 * provider is asked, and settled by the store's refund that records it in the refund's transaction.
 * A request left unsettled (the provider may have refunded, the store's transaction was lost) is
 * asked again, under the same reference, by the next refund of that payment, so the provider answers
 * its first refund instead of refunding the customer twice; a retry for another amount is refused
 * until the pending one is repeated.
 */
@ApplicationScoped
public class ProviderRefunds {

    @PersistenceContext(unitName = "store")
    EntityManager em;

    @Inject
    Clock clock;

    /** A request to the provider: the reference it is asked under, for how much. */
    public record Request(String reference, Money amount) {
    }

    /**
     * The request to ask the provider for {@code amount} of the payment under: the one left unsettled
     * before, or a new one, committed before this returns. Called under the sale's lock, so two refunds
     * of one payment never ask at once.
     *
     * @throws ReturnRuleException 409 mobile-refund-pending when an unsettled request is for another amount
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Request ask(String paymentId, String returnId, Money amount) {
        Optional<Map.Entry<String, Money>> pending = SqlQuery.first(em, "select reference, amount, currency from provider_refund_request "
                        + "where payment_id = ? and settled_by is null order by asked_at",
                row -> Map.entry(row.string("reference"), Money.of(row.decimal("amount"), Currency.getInstance(row.string("currency")))),
                paymentId);
        if (pending.isPresent()) {
            if (!pending.get().getValue().equals(amount)) {
                throw new ReturnRuleException("mobile-refund-pending", 409, "A mobile refund is pending",
                        "a refund of " + pending.get().getValue().toPlainString() + " to this payment was asked of the provider and not recorded: "
                                + "repeat it for that amount first", Map.of("amount", pending.get().getValue().toPlainString()));
            }
            return new Request(pending.get().getKey(), amount);
        }
        String reference = UUID.randomUUID().toString();
        em.createNativeQuery("insert into provider_refund_request (reference, payment_id, return_id, amount, currency, asked_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, reference).setParameter(2, paymentId).setParameter(3, returnId).setParameter(4, amount.amount())
                .setParameter(5, amount.currency().getCurrencyCode()).setParameter(6, InstantConverter.utc(clock.instant())).executeUpdate();
        return new Request(reference, amount);
    }

    /** The provider refused the request, or could not be asked: nothing was refunded under it, nothing is pending. */
    @Transactional(TxType.REQUIRES_NEW)
    public void refused(Request request) {
        em.createNativeQuery("delete from provider_refund_request where reference = ?1 and settled_by is null")
                .setParameter(1, request.reference()).executeUpdate();
    }

    /** The store's refund recorded the request, in the refund's transaction. */
    @Transactional(TxType.MANDATORY)
    public void settled(Request request, String refundId) {
        em.createNativeQuery("update provider_refund_request set settled_by = ?1 where reference = ?2 and settled_by is null")
                .setParameter(1, refundId).setParameter(2, request.reference()).executeUpdate();
    }
}
