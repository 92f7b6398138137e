package org.guitai.store.sale.domain;

public enum Tender {
    CASH,
    CHECK,
    CARD,
    /** WeChat Pay or Alipay, charged through the store's payment gateway. */
    MOBILE
}
