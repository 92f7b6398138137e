package org.guitai.store.sale.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.guitai.kernel.money.Money;

/**
 * 唱: how the change is handed back, largest denominations first. Change that the store's
 * denominations cannot make exactly is refused rather than rounded at the customer's expense.
 */
public final class ChangeBreakdown {

    private ChangeBreakdown() {
    }

    /** @param denominations the store's denominations, largest first */
    public static List<NoteCount> of(Money change, List<BigDecimal> denominations) {
        BigDecimal rest = change.amount();
        List<NoteCount> pieces = new ArrayList<>();
        for (BigDecimal denomination : denominations) {
            BigDecimal[] division = rest.divideAndRemainder(denomination);
            int count = division[0].intValueExact();
            if (count > 0) {
                pieces.add(new NoteCount(denomination, count));
                rest = division[1];
            }
        }
        if (rest.signum() != 0) {
            throw new SaleRuleException("change-not-payable", "Change cannot be given",
                    "change of " + change.toPlainString() + " cannot be made from the denominations "
                            + denominations.stream().map(BigDecimal::toPlainString).toList() + ": take an amount that needs no such change",
                    Map.of("change", change.toPlainString()));
        }
        return List.copyOf(pieces);
    }
}
