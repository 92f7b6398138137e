package org.guitai.store.returns.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guitai.kernel.money.Money;
import org.junit.jupiter.api.Test;

class SaleReturnTest {

    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
    private static final Currency CNY = Currency.getInstance("CNY");

    private static Money cny(String amount) {
        return Money.of(amount, CNY);
    }

    private static SaleReturn requested(String amount, int approvals) {
        return SaleReturn.request("r1", 1, "s1", ReturnReason.QUALITY, Optional.empty(), "T1", "C001", CNY,
                List.of(new ReturnLine.Draft("l1", "E00002", "6910384000029", "电饭煲", "3L", new BigDecimal("2"), cny("279.00"), cny(amount))),
                total -> approvals, T0, LocalDate.parse("2026-12-07"));
    }

    @Test
    void twoApprovalsMustComeFromTwoDifferentManagers() {
        SaleReturn r = requested("558.00", 2);
        r.approve("a1", "M001", T0);
        assertEquals(ReturnStatus.REQUESTED, r.status());
        ReturnRuleException same = assertThrows(ReturnRuleException.class, () -> r.approve("a2", "M001", T0));
        assertEquals(List.of("second-approval-same-manager", 409), List.of(same.slug(), same.status()));
        r.approve("a3", "M002", T0);
        assertEquals(ReturnStatus.APPROVED, r.status());
        assertThrows(ReturnStateException.class, () -> r.approve("a4", "M003", T0), "approved already");
    }

    @Test
    void theGoodsAreReceivedWholeAndOnlyOnce() {
        SaleReturn r = requested("558.00", 1);
        assertThrows(ReturnStateException.class, () -> r.receive(Map.of("l1", new SaleReturn.Inspection(new BigDecimal("2"), Disposition.RESTOCK)), T0),
                "not approved yet");
        r.approve("a1", "M001", T0);
        assertEquals("receive-mismatch", assertThrows(ReturnRuleException.class,
                () -> r.receive(Map.of("l1", new SaleReturn.Inspection(BigDecimal.ONE, Disposition.RESTOCK)), T0)).slug());
        assertEquals(1, r.receive(Map.of("l1", new SaleReturn.Inspection(new BigDecimal("2"), Disposition.RESTOCK)), T0).size());
        assertTrue(r.receive(Map.of("l1", new SaleReturn.Inspection(new BigDecimal("2"), Disposition.WRITE_OFF)), T0).isEmpty(),
                "a second receive changes nothing: the stock moves once");
        assertEquals(Optional.of(Disposition.RESTOCK), r.line("l1").orElseThrow().disposition());
    }

    @Test
    void refundsNeverAddUpToMoreThanTheReturnIsWorth() {
        SaleReturn r = requested("558.00", 1);
        r.approve("a1", "M001", T0);
        r.receive(Map.of("l1", new SaleReturn.Inspection(new BigDecimal("2"), Disposition.RESTOCK)), T0);
        r.refund(new Refund.Draft("f1", RefundTender.CARD, cny("300.00"), "p2", "REV", null, null, List.of(), "C001", "T1", T0));
        assertEquals(List.of(ReturnStatus.PARTLY_REFUNDED, cny("258.00")), List.of(r.status(), r.due()));
        assertEquals("refund-too-much", assertThrows(ReturnRuleException.class,
                () -> r.refund(new Refund.Draft("f2", RefundTender.CASH, cny("258.01"), "p1", null, null, null, List.of(), "C001", "T1", T0))).slug());
        r.refund(new Refund.Draft("f3", RefundTender.CASH, cny("258.00"), "p1", null, null, null, List.of(), "C001", "T1", T0));
        assertEquals(ReturnStatus.REFUNDED, r.status());
        assertThrows(ReturnStateException.class,
                () -> r.refund(new Refund.Draft("f4", RefundTender.CASH, cny("0.01"), "p1", null, null, null, List.of(), "C001", "T1", T0)));
    }

    @Test
    void aStaffErrorNamesWhoIsResponsible() {
        assertEquals("responsible-staff-required", assertThrows(ReturnRuleException.class, () -> SaleReturn.request("r2", 2, "s1",
                ReturnReason.STAFF_ERROR, Optional.empty(), "T1", "C001", CNY,
                List.of(new ReturnLine.Draft("l1", "E00002", "6910384000029", "电饭煲", "3L", BigDecimal.ONE, cny("279.00"), cny("279.00"))),
                total -> 1, T0, LocalDate.parse("2026-12-07"))).slug());
    }
}
