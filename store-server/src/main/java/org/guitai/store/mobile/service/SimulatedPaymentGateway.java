package org.guitai.store.mobile.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.guitai.kernel.money.Money;
import org.guitai.store.mobile.domain.ChargeOutcome;
import org.guitai.store.mobile.domain.GatewayTimeoutException;
import org.guitai.store.mobile.domain.MobileChannel;
import org.guitai.store.mobile.domain.PaymentCode;
import org.guitai.store.mobile.domain.RefundRefusedException;
import org.guitai.store.platform.config.StoreSettings;

/**
 * A payment provider in memory, for the demo and tests ({@code guitai.payment.gateway=simulator}).
 * It decides by the payment code's last digit: 8 declines (insufficient balance); 9 charges but the
 * answer is lost (a timeout), and a query then answers approved with the transaction id; 7 approves
 * after {@code guitai.payment.simulator.delay-ms} (the customer confirming on the phone; a query
 * meanwhile answers pending); any other digit approves. A query for a reference it was never asked to charge answers pending (unknown).
 * Its memory is lost at restart, like a provider the store cannot reach.
 */
@ApplicationScoped
public class SimulatedPaymentGateway implements PaymentGateway {

    public static final String NAME = "simulator";

    private final Map<String, ChargeOutcome> charges = new ConcurrentHashMap<>();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final Map<String, String> refunds = new ConcurrentHashMap<>();
    private final Map<String, Money> refundedByTransaction = new ConcurrentHashMap<>();
    private final Map<String, Money> chargedByTransaction = new ConcurrentHashMap<>();

    @Inject
    StoreSettings settings;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ChargeOutcome charge(String merchantReference, MobileChannel channel, PaymentCode code, Money amount) {
        attempts.merge(merchantReference, 1, Integer::sum);
        if (code.lastDigit() == 7) {
            confirmingOnThePhone(merchantReference);
        }
        ChargeOutcome outcome = switch (code.lastDigit()) {
            case 8 -> new ChargeOutcome.Declined("insufficient balance");
            default -> new ChargeOutcome.Approved(transactionId(channel));
        };
        // a provider charges a merchant reference once: a second charge answers the first one's outcome
        ChargeOutcome recorded = charges.computeIfAbsent(merchantReference, ref -> {
            if (outcome instanceof ChargeOutcome.Approved approved) {
                chargedByTransaction.put(approved.transactionId(), amount);
            }
            return outcome;
        });
        if (code.lastDigit() == 9) {
            throw new GatewayTimeoutException(merchantReference);
        }
        return recorded;
    }

    @Override
    public ChargeOutcome query(String merchantReference) {
        ChargeOutcome known = charges.get(merchantReference);
        return known != null ? known : new ChargeOutcome.Pending("the simulator has no charge under " + merchantReference);
    }

    /**
     * Refunds a transaction it approved, once per refund reference, never more in all than the
     * transaction charged, as a provider refuses (a transaction from before a restart, whose amount
     * it forgot, is refunded as asked).
     */
    @Override
    public synchronized String refund(String refundReference, String transactionId, Money amount) {
        String known = refunds.get(refundReference);
        if (known != null) {
            return known;
        }
        boolean charged = charges.values().stream().anyMatch(o -> o instanceof ChargeOutcome.Approved a && a.transactionId().equals(transactionId));
        if (!charged && !transactionId.startsWith("SIM")) {
            throw new RefundRefusedException(transactionId, "the simulator approved no transaction " + transactionId);
        }
        Money limit = chargedByTransaction.get(transactionId);
        Money inAll = Optional.ofNullable(refundedByTransaction.get(transactionId)).map(amount::plus).orElse(amount);
        if (limit != null && inAll.isGreaterThan(limit)) {
            throw new RefundRefusedException(transactionId, "refunds of " + inAll.toPlainString() + " would exceed the " + limit.toPlainString()
                    + " it charged");
        }
        refundedByTransaction.merge(transactionId, amount, Money::plus);
        String id = "SIMRF" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase(java.util.Locale.ROOT);
        refunds.put(refundReference, id);
        return id;
    }

    /** What the simulator refunded of a transaction in all (for tests). */
    public Optional<Money> refundedOf(String transactionId) {
        return Optional.ofNullable(refundedByTransaction.get(transactionId));
    }

    private void confirmingOnThePhone(String merchantReference) {
        Duration delay = settings == null ? Duration.ZERO : settings.simulatorDelay();
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayTimeoutException(merchantReference);
        }
    }

    /** How many times a charge was asked for under the reference (for tests of the at-most-once rule). */
    public int chargesAskedFor(String merchantReference) {
        return attempts.getOrDefault(merchantReference, 0);
    }

    /** A transaction id shaped like the provider's: WeChat Pay 42000..., Alipay 2026... (here random, prefixed SIM). */
    private static String transactionId(MobileChannel channel) {
        String random = UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase(java.util.Locale.ROOT);
        return (channel == MobileChannel.WECHAT ? "SIMWX" : "SIMALI") + random;
    }
}
