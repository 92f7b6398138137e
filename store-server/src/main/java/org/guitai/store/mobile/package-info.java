/**
 * Mobile payments (WeChat Pay, Alipay): which payment codes are taken, and that each charge is sent
 * to the payment gateway at most once under the store's payment id, recorded before it is sent, so
 * that a lost answer is resolved by asking the gateway, never by charging the customer again. The
 * customer's payment code is used for the one call and never kept.
 */
package org.guitai.store.mobile;
