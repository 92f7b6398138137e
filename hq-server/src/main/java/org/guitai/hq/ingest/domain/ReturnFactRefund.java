package org.guitai.hq.ingest.domain;

import org.guitai.kernel.money.Money;

/**
 * One refund of a return fact, by tender: CASH, CARD, CHECK, MOBILE, or EXCHANGE (credited to a new sale).
 *
 * @param position the refund's place in the return's refunds, from 0
 */
public record ReturnFactRefund(String storeId, String returnId, int position, String tender, Money amount) {
}
