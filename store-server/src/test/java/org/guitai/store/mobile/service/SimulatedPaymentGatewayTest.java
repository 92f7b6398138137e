package org.guitai.store.mobile.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Currency;
import org.guitai.kernel.money.Money;
import org.guitai.store.mobile.domain.ChargeOutcome;
import org.guitai.store.mobile.domain.GatewayTimeoutException;
import org.guitai.store.mobile.domain.MobileChannel;
import org.guitai.store.mobile.domain.PaymentCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The simulator decides by the payment code's last digit: 8 declines, 9 loses the answer of a charge that went through, else approves. */
class SimulatedPaymentGatewayTest {

    private static final Money AMOUNT = Money.of("279.00", Currency.getInstance("CNY"));

    private final SimulatedPaymentGateway gateway = new SimulatedPaymentGateway();

    private static PaymentCode wechat(int lastDigit) {
        return new PaymentCode(MobileChannel.WECHAT, "13456789012345678" + lastDigit);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void approvesAnyOtherDigitWithATransactionIdTheQueryKnowsToo(int lastDigit) {
        ChargeOutcome outcome = gateway.charge("ref-" + lastDigit, MobileChannel.WECHAT, wechat(lastDigit), AMOUNT);
        ChargeOutcome.Approved approved = assertInstanceOf(ChargeOutcome.Approved.class, outcome);
        assertTrue(approved.transactionId().startsWith("SIMWX"), approved.transactionId());
        assertEquals(outcome, gateway.query("ref-" + lastDigit));
    }

    @Test
    void declinesEight() {
        ChargeOutcome outcome = gateway.charge("ref-8", MobileChannel.WECHAT, wechat(8), AMOUNT);
        assertEquals(new ChargeOutcome.Declined("insufficient balance"), outcome);
        assertEquals(outcome, gateway.query("ref-8"));
    }

    @Test
    void nineTimesOutButTheChargeWentThroughAndTheQuerySaysSo() {
        assertThrows(GatewayTimeoutException.class, () -> gateway.charge("ref-9", MobileChannel.ALIPAY,
                new PaymentCode(MobileChannel.ALIPAY, "2812345678901239"), AMOUNT));
        ChargeOutcome.Approved approved = assertInstanceOf(ChargeOutcome.Approved.class, gateway.query("ref-9"));
        assertTrue(approved.transactionId().startsWith("SIMALI"), approved.transactionId());
        assertEquals(1, gateway.chargesAskedFor("ref-9"));
    }

    @Test
    void aReferenceItNeverChargedIsPending() {
        assertInstanceOf(ChargeOutcome.Pending.class, gateway.query("never-sent"));
        assertEquals(0, gateway.chargesAskedFor("never-sent"));
    }

    @Test
    void aReferenceIsChargedOnceEvenIfAskedTwiceAndEachReferenceHasItsOwnTransaction() {
        ChargeOutcome first = gateway.charge("ref-a", MobileChannel.WECHAT, wechat(1), AMOUNT);
        assertEquals(first, gateway.charge("ref-a", MobileChannel.WECHAT, wechat(1), AMOUNT));
        assertEquals(2, gateway.chargesAskedFor("ref-a"));
        assertNotEquals(first, gateway.charge("ref-b", MobileChannel.WECHAT, wechat(1), AMOUNT));
    }
}
