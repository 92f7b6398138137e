package org.guitai.store.sale.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.guitai.platform.security.Caller;
import org.guitai.store.mobile.service.MobileCharges;

/**
 * Takes a tender. Cash, card and check are recorded in one transaction; a mobile payment is first
 * charged through the payment gateway, outside any transaction (no row stays locked while the
 * provider answers), at most once per payment id, and only an approved charge is recorded on the
 * sale, with the provider's transaction id. A repeated payment id answers the first result.
 */
@ApplicationScoped
public class Checkout {

    @Inject
    SaleService sales;

    @Inject
    MobileCharges charges;

    public SaleService.TenderResult pay(String saleId, SaleService.Tendered tendered, Caller caller) {
        if (!(tendered instanceof SaleService.Mobile mobile)) {
            return sales.pay(saleId, tendered, caller);
        }
        Optional<SaleService.TenderResult> repeated = sales.readyForMobile(saleId, mobile.paymentId(), mobile.amount(), caller);
        if (repeated.isPresent()) {
            return repeated.get();
        }
        String transactionId = charges.charge(mobile.paymentId(), saleId, mobile.code(), mobile.amount(), caller);
        return sales.pay(saleId, new SaleService.MobileCharged(mobile.paymentId(), mobile.amount(), mobile.code().channel(), transactionId), caller);
    }
}
