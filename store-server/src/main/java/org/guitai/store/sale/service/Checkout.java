package org.guitai.store.sale.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
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

    private static final Logger LOG = Logger.getLogger(Checkout.class.getName());

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
        try {
            return sales.pay(saleId, new SaleService.MobileCharged(mobile.paymentId(), mobile.amount(), mobile.code().channel(), transactionId),
                    caller);
        } catch (RuntimeException e) {
            // the customer paid: the approved charge stays recorded under the payment id, and a retry records it on the sale
            LOG.severe(() -> "payment " + mobile.paymentId() + " of sale " + saleId + " was charged (" + mobile.code().channel() + " transaction "
                    + transactionId + ") but not recorded on the sale: " + e.getClass().getSimpleName()
                    + "; retry it with the same id, or refund the transaction at the provider");
            throw e;
        }
    }
}
