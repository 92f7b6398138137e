package org.guitai.store.mobile.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.guitai.kernel.money.Money;
import org.guitai.platform.security.Caller;
import org.guitai.store.mobile.domain.MobileChannel;
import org.guitai.store.mobile.domain.ChargeOutcome;
import org.guitai.store.mobile.domain.GatewayTimeoutException;
import org.guitai.store.mobile.domain.MobileCharge;
import org.guitai.store.mobile.domain.MobilePaymentsOffException;
import org.guitai.store.mobile.domain.PaymentCode;
import org.guitai.store.mobile.domain.PaymentDeclinedException;
import org.guitai.store.mobile.domain.PaymentPendingException;
import org.guitai.store.platform.config.StoreSettings;

/**
 * Charges a payment code through the configured gateway at most once per payment id: the charge is
 * recorded before it is sent, in the transaction that locked its sale; a charge recorded before (a
 * retry, or a race with one) is never sent again but looked up with the gateway's query. The gateway
 * is called outside any transaction, so that no row is locked while the provider answers.
 */
@ApplicationScoped
public class MobileCharges {

    private static final Logger LOG = Logger.getLogger(MobileCharges.class.getName());

    /** A charge still SENT this long after it was sent has lost its request: the sweep asks the gateway about it. */
    static final Duration STALE = Duration.ofMinutes(1);

    /** A charge the provider still cannot tell about a day after it was sent is left to the manager (the report shows its sale blocked). */
    static final Duration GIVE_UP = Duration.ofDays(1);

    @Inject
    ChargeAttempts attempts;

    @Inject
    @Any
    Instance<PaymentGateway> gateways;

    @Inject
    StoreSettings settings;

    /** The charge recorded under the payment id, if any (a retry, or a race with one). */
    public Optional<MobileCharge> find(String paymentId) {
        return attempts.find(paymentId);
    }

    /**
     * Records the charge SENT in the caller's transaction, which locked the sale and checked that it
     * takes the amount; a charge found under the payment id is answered instead.
     */
    public ChargeAttempts.Attempt begin(String paymentId, String saleId, MobileChannel channel, Money amount, Caller caller) {
        return attempts.begin(paymentId, saleId, channel, amount, gateway().name(), caller);
    }

    /**
     * Settles a charge with the gateway: one recorded just now is sent with the code; one recorded
     * before and still pending is looked up with the gateway's query, never sent again.
     *
     * @return the charge with the answer recorded (still SENT when the provider cannot tell yet)
     */
    public MobileCharge settle(MobileCharge charge, boolean recordedNow, PaymentCode code, Caller caller) {
        if (charge.status() != MobileCharge.Status.SENT) {
            return charge;
        }
        PaymentGateway gateway = gateway();
        ChargeOutcome outcome = recordedNow ? send(gateway, charge.paymentId(), code, charge.amount()) : ask(gateway, charge.paymentId());
        return attempts.decide(charge.paymentId(), outcome, caller);
    }

    /**
     * The provider's transaction id of an approved charge.
     *
     * @throws PaymentDeclinedException (422) when the provider declined it (now or at the first request)
     * @throws PaymentPendingException (409) when the provider cannot tell yet: retry with the same payment id
     */
    public static String approvedTransaction(MobileCharge charge) {
        return switch (charge.status()) {
            case APPROVED -> charge.transactionId().orElseThrow();
            case DECLINED -> throw new PaymentDeclinedException(charge.paymentId(), charge.channel(), ((ChargeOutcome.Declined) charge.outcome()).reason());
            case SENT -> throw new PaymentPendingException(charge.paymentId(), charge.channel(), "no answer from the provider yet");
        };
    }

    /**
     * The charge that holds the sale's amount: SENT (the provider has not answered) or APPROVED and
     * recorded on no payment of the sale, other than {@code except} (the charge being recorded).
     * Read in the caller's transaction after it locked the sale.
     */
    public Optional<MobileCharge> pendingFor(String saleId, Predicate<String> recordedOnSale, Optional<String> except) {
        return attempts.notDeclinedFor(saleId).stream()
                .filter(c -> except.map(id -> !id.equals(c.paymentId())).orElse(true))
                .filter(c -> c.status() == MobileCharge.Status.SENT || !recordedOnSale.test(c.paymentId()))
                .findFirst();
    }

    /** The approved charges of the shift's sales that no payment records: the customer paid and the sale does not show it. */
    public List<ChargeAttempts.Unrecorded> unrecordedOfShift(String shiftId) {
        return attempts.unrecordedOfShift(shiftId);
    }

    /**
     * Asks the gateway about the charges still SENT a minute after they were sent (the request that
     * sent them died, or its retry never came) and records each answer on its charge row. Run
     * outside any transaction (the X/Z report runs it, its reader audited as who asked); does nothing while mobile payments are off.
     *
     * @return how many were decided
     */
    public int settleStale(Instant now, Caller caller) {
        if (!enabled()) {
            return 0;
        }
        PaymentGateway gateway = gateway();
        int decided = 0;
        for (String paymentId : attempts.sentBetween(now.minus(GIVE_UP), now.minus(STALE))) {
            ChargeOutcome outcome = ask(gateway, paymentId);
            if (outcome instanceof ChargeOutcome.Pending) {
                continue;
            }
            try {
                attempts.decide(paymentId, outcome, caller);
                decided++;
            } catch (RuntimeException e) {
                // decided meanwhile by its retry, with another answer: the report still shows the rest
                LOG.warning(() -> "payment " + paymentId + ": the sweep could not record the gateway's answer (" + e.getClass().getName() + ")");
            }
        }
        return decided;
    }

    /**
     * The one charge. A lost answer (a timeout, or any failure that leaves it unknown whether the
     * provider got the charge) is looked up once with the query; a retry of the request asks again.
     */
    private static ChargeOutcome send(PaymentGateway gateway, String paymentId, PaymentCode code, Money amount) {
        try {
            ChargeOutcome outcome = gateway.charge(paymentId, code.channel(), code, amount);
            return outcome instanceof ChargeOutcome.Pending ? ask(gateway, paymentId) : outcome;
        } catch (GatewayTimeoutException e) {
            LOG.warning(() -> "payment " + paymentId + ": " + e.getMessage() + "; asking the gateway what became of it");
            return ask(gateway, paymentId);
        } catch (RuntimeException e) {
            // the exception of a provider's SDK may quote the request: its message is not logged
            LOG.warning(() -> "payment " + paymentId + ": the gateway failed (" + e.getClass().getName() + "); asking it what became of the charge");
            return ask(gateway, paymentId);
        }
    }

    private static ChargeOutcome ask(PaymentGateway gateway, String paymentId) {
        try {
            return gateway.query(paymentId);
        } catch (RuntimeException e) {
            LOG.warning(() -> "payment " + paymentId + ": the gateway's query failed (" + e.getClass().getName() + ")");
            return new ChargeOutcome.Pending("the payment gateway did not answer");
        }
    }

    /**
     * Refunds {@code amount} of the provider's transaction {@code transactionId} through the gateway in
     * use, once per {@code refundId} (the merchant reference of the refund: a repeat answers the same refund).
     *
     * @return the provider's refund id
     */
    public String refund(String refundId, String transactionId, Money amount) {
        return gateway().refund(refundId, transactionId, amount);
    }

    /** True unless {@code guitai.payment.gateway=none}. */
    public boolean enabled() {
        return !StoreSettings.NO_GATEWAY.equals(settings.paymentGateway());
    }

    /**
     * The gateway {@code guitai.payment.gateway} names; start-up fails when none has that name.
     *
     * @throws MobilePaymentsOffException when the setting is {@code none}
     */
    public PaymentGateway gateway() {
        if (!enabled()) {
            throw new MobilePaymentsOffException();
        }
        String wanted = settings.paymentGateway();
        List<PaymentGateway> named = gateways.stream().filter(g -> g.name().equals(wanted)).toList();
        if (named.size() != 1) {
            throw new IllegalStateException("guitai.payment.gateway=" + wanted + " names " + (named.isEmpty() ? "no" : "more than one")
                    + " payment gateway of this server; known: " + gateways.stream().map(PaymentGateway::name).sorted().collect(Collectors.joining(", ")));
        }
        return named.get(0);
    }
}
