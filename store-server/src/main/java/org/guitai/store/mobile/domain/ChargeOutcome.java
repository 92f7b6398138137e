package org.guitai.store.mobile.domain;

/** What the payment gateway answers about a charge. */
public sealed interface ChargeOutcome {

    /** The customer was charged; {@code transactionId} is the provider's. */
    record Approved(String transactionId) implements ChargeOutcome {
    }

    /** The customer was not charged, for {@code reason} (as the provider gives it). */
    record Declined(String reason) implements ChargeOutcome {
    }

    /** The provider cannot tell yet (the customer is still confirming, or it does not know the charge). */
    record Pending(String why) implements ChargeOutcome {
    }
}
