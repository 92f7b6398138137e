package org.guitai.store.sale.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Objects;

/** So many notes or coins of one denomination. */
@Embeddable
public class NoteCount {

    @Column(name = "denomination")
    private BigDecimal denomination;

    @Column(name = "count")
    private int count;

    protected NoteCount() {
    }

    public NoteCount(BigDecimal denomination, int count) {
        if (denomination.signum() <= 0 || count <= 0) {
            throw new IllegalArgumentException("a count needs a positive denomination and a positive number of pieces");
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
        return o instanceof NoteCount other && denomination.compareTo(other.denomination) == 0 && count == other.count;
    }

    @Override
    public int hashCode() {
        return Objects.hash(denomination.stripTrailingZeros(), count);
    }
}
