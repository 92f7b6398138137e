package org.guitai.store.sale.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.guitai.store.mobile.domain.MobileChannel;
import org.guitai.store.sale.domain.Tender;
import org.junit.jupiter.api.Test;

/** A request printed into a log or an exception never shows the customer's payment code. */
class PaymentRequestTest {

    @Test
    void toStringLeavesThePaymentCodeOut() {
        PaymentRequest request = new PaymentRequest(UUID.fromString("00000000-0000-0000-0000-000000000042"), Tender.MOBILE, null, "279.00",
                null, null, null, null, null, null, null, MobileChannel.WECHAT, "134567890123456781");
        String printed = request.toString();
        assertFalse(printed.contains("134567890123456781"), printed);
        assertFalse(printed.contains("1345678901"), printed);
        assertTrue(printed.contains("279.00") && printed.contains("WECHAT") && printed.contains("not shown"), printed);
    }
}
