package org.guitai.store.mobile.service;

import org.guitai.kernel.money.Money;
import org.guitai.store.mobile.domain.ChargeOutcome;
import org.guitai.store.mobile.domain.MobileChannel;
import org.guitai.store.mobile.domain.PaymentCode;

/**
 * A payment provider's API as the store uses it: charge a scanned payment code, and ask what became
 * of an earlier charge. The store's payment id is the merchant reference of both, so that a charge
 * whose answer was lost can be looked up. One implementation per provider SDK; the setting
 * {@code guitai.payment.gateway} names the one in use by its {@link #name()}.
 */
public interface PaymentGateway {

    /** The value of {@code guitai.payment.gateway} that picks this gateway. */
    String name();

    /**
     * Charges {@code amount} to the customer's payment code. The code is used for this call only:
     * an implementation never stores or logs it.
     *
     * @return approved with the provider's transaction id, declined with the provider's reason, or
     *     pending (the customer is still confirming)
     * @throws org.guitai.store.mobile.domain.GatewayTimeoutException when the answer is lost (the
     *     charge may have gone through: ask {@link #query})
     */
    ChargeOutcome charge(String merchantReference, MobileChannel channel, PaymentCode code, Money amount);

    /** What became of the charge under {@code merchantReference}: pending when the provider cannot tell or does not know it. */
    ChargeOutcome query(String merchantReference);

    /**
     * Refunds {@code amount} of the provider's transaction {@code transactionId} to the customer, once
     * per {@code refundReference} (a repeat answers the first refund).
     *
     * @return the provider's refund id
     * @throws org.guitai.store.mobile.domain.RefundRefusedException when the provider refuses it
     * @throws org.guitai.store.mobile.domain.GatewayTimeoutException when the answer is lost (repeat it with the same reference)
     */
    String refund(String refundReference, String transactionId, Money amount);
}
