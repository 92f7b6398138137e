package org.guitai.hq.ingest.domain;

import java.math.BigDecimal;
import java.util.Optional;
import org.guitai.kernel.money.Money;

/**
 * One returned line of a return fact: the sale line it takes back, how many units came back, its share of the refund
 * and what became of the goods (RESTOCK or WRITE_OFF).
 *
 * @param position the line's place in the return, from 0
 */
public record ReturnFactLine(String storeId, String returnId, int position, String saleLineId, String sku, BigDecimal quantity, Money amount,
                             Optional<String> disposition) {
}
