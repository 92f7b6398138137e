package org.guitai.store.mobile.domain;

import org.guitai.kernel.problem.PosException;

/** The store takes no mobile payments: no payment gateway is configured ({@code guitai.payment.gateway=none}) (422). */
public class MobilePaymentsOffException extends PosException {

    private static final long serialVersionUID = 1L;

    public MobilePaymentsOffException() {
        super("mobile-payments-off", 422, "Mobile payments are off",
                "this store has no payment gateway configured (guitai.payment.gateway=none): take another tender, "
                        + "or ask the administrator to configure the provider's gateway");
    }
}
