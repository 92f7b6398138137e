package org.guitai.store.approval.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApprovalTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private static Approval approval(ApprovalAction action, String sale) {
        return new Approval("a1", action, sale, "C001", "M001", "T1", T0, T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void isUsableOnceForItsActionSaleAndTerminal() {
        Approval approval = approval(ApprovalAction.PRICE_OVERRIDE, "sale-1");
        approval.use(ApprovalAction.PRICE_OVERRIDE, "sale-1", "C001", "T1", T0.plusSeconds(10));
        ApprovalException again = assertThrows(ApprovalException.class,
                () -> approval.use(ApprovalAction.PRICE_OVERRIDE, "sale-1", "C001", "T1", T0.plusSeconds(20)));
        assertTrue(again.detail().contains("already used"));
    }

    @Test
    void refusesAnythingElse() {
        assertTrue(assertThrows(ApprovalException.class, () -> approval(ApprovalAction.DISCOUNT, "sale-1")
                .use(ApprovalAction.VOID_LINE, "sale-1", "C001", "T1", T0)).detail().contains("is for DISCOUNT"));
        assertTrue(assertThrows(ApprovalException.class, () -> approval(ApprovalAction.DISCOUNT, "sale-1")
                .use(ApprovalAction.DISCOUNT, "sale-2", "C001", "T1", T0)).detail().contains("is for sale sale-1"));
        assertTrue(assertThrows(ApprovalException.class, () -> approval(ApprovalAction.DISCOUNT, "sale-1")
                .use(ApprovalAction.DISCOUNT, "sale-1", "C001", "T2", T0)).detail().contains("terminal T1"));
        assertTrue(assertThrows(ApprovalException.class, () -> approval(ApprovalAction.DISCOUNT, "sale-1")
                .use(ApprovalAction.DISCOUNT, "sale-1", "C001", "T1", T0.plus(Duration.ofMinutes(5)))).detail().contains("expired"));
    }

    @Test
    void isUsableOnlyByWhoAskedForIt() {
        assertTrue(assertThrows(ApprovalException.class, () -> approval(ApprovalAction.DISCOUNT, "sale-1")
                .use(ApprovalAction.DISCOUNT, "sale-1", "A001", "T1", T0)).detail().contains("given to C001"));
    }

    @Test
    void aReturnApprovalIsBoundToItsReturn() {
        assertThrows(ApprovalException.class, () -> approval(ApprovalAction.RETURN, null), "a RETURN approval names its return");
        Approval forReturn = approval(ApprovalAction.RETURN, "return-1");
        assertEquals(java.util.Optional.of("return-1"), forReturn.returnId());
        assertTrue(forReturn.saleId().isEmpty());
        assertTrue(assertThrows(ApprovalException.class, () -> forReturn.use(ApprovalAction.RETURN, "return-2", "C001", "T1", T0)).detail()
                .contains("is for return return-1"));
        forReturn.use(ApprovalAction.RETURN, "return-1", "C001", "T1", T0);
    }

    @Test
    void saleBoundActionsNeedTheirSale() {
        assertThrows(ApprovalException.class, () -> approval(ApprovalAction.VOID_INVOICE, null));
        Approval noSale = approval(ApprovalAction.NO_SALE, null);
        noSale.use(ApprovalAction.NO_SALE, null, "C001", "T1", T0);
        assertEquals(403, new ApprovalException("x").status());
    }
}
