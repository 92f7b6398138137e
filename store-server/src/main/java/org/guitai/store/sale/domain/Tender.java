package org.guitai.store.sale.domain;

public enum Tender {
    CASH,
    CHECK,
    CARD,
    /** WeChat Pay or Alipay, charged through the store's payment gateway. */
    MOBILE,
    /** The credit of a return taken in exchange (换货): applied to the new sale, no money changes hands. */
    EXCHANGE
}
