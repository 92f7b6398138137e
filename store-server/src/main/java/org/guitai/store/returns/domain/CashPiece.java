package org.guitai.store.returns.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Objects;

/** So many notes or coins of one denomination paid out of the drawer. */
@Embeddable
public class CashPiece {

    @Column(name = "denomination")
    private BigDecimal denomination;

    @Column(name = "count")
    private int count;

    protected CashPiece() {
    }

    public CashPiece(BigDecimal denomination, int count) {
        if (denomination.signum() <= 0 || count <= 0) {
            throw new ReturnRuleException("invalid-count", 422, "Invalid count", "a count needs a positive denomination and a positive number of pieces");
        }
        this.denomination = denomination;
        this.count = count;
    }

    public BigDecimal denomination() {
        return denomination;
    }

    public int count() {
        return count;
    }

    public BigDecimal value() {
        return denomination.multiply(BigDecimal.valueOf(count));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CashPiece other && denomination.compareTo(other.denomination) == 0 && count == other.count;
    }

    @Override
    public int hashCode() {
        return Objects.hash(denomination.stripTrailingZeros(), count);
    }
}
