package org.guitai.store.mobile.domain;

/** The mobile wallets the store takes. */
public enum MobileChannel {
    WECHAT,
    ALIPAY
}
