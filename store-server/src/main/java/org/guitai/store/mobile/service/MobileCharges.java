package org.guitai.store.mobile.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.guitai.kernel.money.Money;
import org.guitai.platform.security.Caller;
import org.guitai.store.mobile.domain.ChargeConflictException;
import org.guitai.store.mobile.domain.ChargeOutcome;
import org.guitai.store.mobile.domain.GatewayTimeoutException;
import org.guitai.store.mobile.domain.MobileCharge;
import org.guitai.store.mobile.domain.PaymentCode;
import org.guitai.store.mobile.domain.PaymentDeclinedException;
import org.guitai.store.mobile.domain.PaymentPendingException;
import org.guitai.store.platform.config.StoreSettings;

/**
 * Charges a payment code through the configured gateway at most once per payment id: the charge is
 * recorded before it is sent; a charge recorded before (a retry, or a race with one) is never sent
 * again but looked up with the gateway's query. Runs outside any transaction, so that no row is
 * locked while the provider answers.
 */
@ApplicationScoped
public class MobileCharges {

    private static final Logger LOG = Logger.getLogger(MobileCharges.class.getName());

    @Inject
    ChargeAttempts attempts;

    @Inject
    @Any
    Instance<PaymentGateway> gateways;

    @Inject
    StoreSettings settings;

    /**
     * The provider's transaction id of the charge of {@code amount} under {@code paymentId}.
     *
     * @throws PaymentDeclinedException (422) when the provider declined it (now or at the first request)
     * @throws PaymentPendingException (409) when the provider cannot tell yet: retry with the same payment id
     */
    public String charge(String paymentId, String saleId, PaymentCode code, Money amount, Caller caller) {
        PaymentGateway gateway = gateway();
        ChargeAttempts.Attempt attempt = attempts.begin(paymentId, saleId, code.channel(), amount, gateway.name(), caller);
        MobileCharge charge = attempt.charge();
        if (!charge.isFor(saleId, code.channel(), amount)) {
            throw new ChargeConflictException(paymentId);
        }
        ChargeOutcome outcome = charge.outcome();
        if (attempt.recordedNow()) {
            outcome = send(gateway, paymentId, code, amount);
        } else if (outcome instanceof ChargeOutcome.Pending) {
            outcome = ask(gateway, paymentId);
        }
        charge = attempts.decide(paymentId, outcome, caller);
        return switch (charge.status()) {
            case APPROVED -> charge.transactionId().orElseThrow();
            case DECLINED -> throw new PaymentDeclinedException(paymentId, charge.channel(), ((ChargeOutcome.Declined) charge.outcome()).reason());
            case SENT -> throw new PaymentPendingException(paymentId, charge.channel(), ((ChargeOutcome.Pending) outcome).why());
        };
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
     * True while a mobile charge sent for a sale without tenders is not settled on it (the provider
     * could not tell yet): the sale must not be put aside until the retry settles it.
     */
    public boolean unsettledFor(String saleId) {
        return attempts.unsettledFor(saleId);
    }

    /** The gateway {@code guitai.payment.gateway} names; start-up fails when none has that name. */
    public PaymentGateway gateway() {
        String wanted = settings.paymentGateway();
        List<PaymentGateway> named = gateways.stream().filter(g -> g.name().equals(wanted)).toList();
        if (named.size() != 1) {
            throw new IllegalStateException("guitai.payment.gateway=" + wanted + " names " + (named.isEmpty() ? "no" : "more than one")
                    + " payment gateway of this server; known: " + gateways.stream().map(PaymentGateway::name).sorted().collect(Collectors.joining(", ")));
        }
        return named.get(0);
    }
}
