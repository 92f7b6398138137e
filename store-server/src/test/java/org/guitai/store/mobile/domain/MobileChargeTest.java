package org.guitai.store.mobile.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Currency;
import org.guitai.kernel.money.Money;
import org.junit.jupiter.api.Test;

/** A charge sent is decided once, by the gateway's answer or a later query; pending leaves it sent. */
class MobileChargeTest {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Instant NOW = Instant.parse("2026-12-06T02:20:00Z");

    private static MobileCharge sent() {
        return new MobileCharge("pay-1", "sale-1", MobileChannel.WECHAT, Money.of("279.00", CNY), "simulator", "C001", "T1", NOW);
    }

    @Test
    void pendingLeavesItSentThenAnApprovalDecidesIt() {
        MobileCharge charge = sent();
        assertInstanceOf(ChargeOutcome.Pending.class, charge.outcome());
        assertFalse(charge.decide(new ChargeOutcome.Pending("user paying"), NOW));
        assertEquals(MobileCharge.Status.SENT, charge.status());
        assertTrue(charge.decide(new ChargeOutcome.Approved("T-1"), NOW));
        assertEquals(new ChargeOutcome.Approved("T-1"), charge.outcome());
        assertFalse(charge.decide(new ChargeOutcome.Approved("T-1"), NOW), "the same answer again changes nothing");
        assertThrows(IllegalStateException.class, () -> charge.decide(new ChargeOutcome.Declined("no"), NOW));
    }

    @Test
    void aDeclineKeepsItsReason() {
        MobileCharge charge = sent();
        assertTrue(charge.decide(new ChargeOutcome.Declined("insufficient balance"), NOW));
        assertEquals(MobileCharge.Status.DECLINED, charge.status());
        assertEquals(new ChargeOutcome.Declined("insufficient balance"), charge.outcome());
    }

    @Test
    void aLongDeclineReasonIsKeptCutAndTheSameAnswerAgainAgreesWithIt() {
        MobileCharge charge = sent();
        String reason = "declined by the issuing bank: ".repeat(10);
        assertTrue(charge.decide(new ChargeOutcome.Declined(reason), NOW));
        assertEquals(new ChargeOutcome.Declined(reason.substring(0, 200)), charge.outcome());
        assertFalse(charge.decide(new ChargeOutcome.Declined(reason), NOW), "the provider's answer to a later query agrees with the one kept");
    }

    @Test
    void isForTheSameSaleChannelAndAmountOnly() {
        MobileCharge charge = sent();
        assertTrue(charge.isFor("sale-1", MobileChannel.WECHAT, Money.of("279.00", CNY)));
        assertFalse(charge.isFor("sale-2", MobileChannel.WECHAT, Money.of("279.00", CNY)));
        assertFalse(charge.isFor("sale-1", MobileChannel.ALIPAY, Money.of("279.00", CNY)));
        assertFalse(charge.isFor("sale-1", MobileChannel.WECHAT, Money.of("279.01", CNY)));
    }
}
