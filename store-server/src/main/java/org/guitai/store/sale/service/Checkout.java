package org.guitai.store.sale.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.guitai.kernel.problem.PosException;
import org.guitai.platform.security.Caller;
import org.guitai.store.mobile.domain.ChargeConflictException;
import org.guitai.store.mobile.domain.ChargedNotRecordedException;
import org.guitai.store.mobile.domain.MobileCharge;
import org.guitai.store.mobile.service.ChargeAttempts;
import org.guitai.store.mobile.service.MobileCharges;

/**
 * Takes a tender. Cash, card and check are recorded in one transaction. A mobile payment first
 * reserves the amount (the charge is recorded SENT with the sale locked, and the sale then takes no
 * other tender, change, cancel or hold until it is settled), is charged through the payment gateway
 * outside any transaction (no row stays locked while the provider answers), at most once per payment
 * id, and only an approved charge is recorded on the sale, with the provider's transaction id. A
 * repeated payment id finds its charge first: it answers the first result, or records the approved
 * charge, or says that the customer paid and the sale no longer takes it (409 charged-not-recorded).
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
        charges.gateway(); // 422 mobile-payments-off before anything is looked at
        ChargeAttempts.Attempt attempt;
        Optional<MobileCharge> known = charges.find(mobile.paymentId());
        if (known.isPresent()) {
            attempt = new ChargeAttempts.Attempt(known.get(), false);
        } else {
            SaleService.MobileReservation reservation = sales.reserveMobile(saleId, mobile.paymentId(), mobile.code().channel(), mobile.amount(), caller);
            if (reservation.repeated().isPresent()) {
                return reservation.repeated().get();
            }
            attempt = reservation.attempt().orElseThrow();
        }
        if (!attempt.charge().isFor(saleId, mobile.code().channel(), mobile.amount())) {
            throw new ChargeConflictException(mobile.paymentId());
        }
        MobileCharge charge = charges.settle(attempt.charge(), attempt.recordedNow(), mobile.code(), caller);
        String transactionId = MobileCharges.approvedTransaction(charge);
        try {
            return sales.pay(saleId, new SaleService.MobileCharged(mobile.paymentId(), mobile.amount(), charge.channel(), transactionId), caller);
        } catch (RuntimeException e) {
            // the customer paid: the approved charge stays under the payment id, listed on the shift's report until recorded or refunded
            LOG.severe(() -> "payment " + mobile.paymentId() + " of sale " + saleId + " was charged (" + charge.channel() + " transaction "
                    + transactionId + ") but not recorded on the sale: " + e.getClass().getSimpleName()
                    + "; retry it with the same id, or refund the transaction at the provider");
            String why = e instanceof PosException p ? p.detail() : "the store could not record it";
            throw new ChargedNotRecordedException(mobile.paymentId(), charge.channel(), transactionId, why);
        }
    }
}
