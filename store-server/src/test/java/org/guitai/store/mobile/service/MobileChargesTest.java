package org.guitai.store.mobile.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.guitai.kernel.problem.PosException;
import org.guitai.store.mobile.domain.MobilePaymentsOffException;
import org.guitai.store.platform.config.StoreSettings;
import org.junit.jupiter.api.Test;

/** With guitai.payment.gateway=none (the default) a mobile payment is refused before anything is charged or recorded. */
class MobileChargesTest {

    @Test
    void noGatewayRefusesMobilePaymentsWith422() {
        MobileCharges charges = new MobileCharges();
        charges.settings = new StoreSettings() {
            @Override
            public String paymentGateway() {
                return StoreSettings.NO_GATEWAY;
            }
        };
        assertFalse(charges.enabled());
        PosException off = assertThrows(MobilePaymentsOffException.class, charges::gateway);
        assertEquals("mobile-payments-off", off.slug());
        assertEquals(422, off.status());
        assertEquals(0, charges.settleStale(java.time.Instant.EPOCH, null), "the sweep asks no gateway");
    }
}
