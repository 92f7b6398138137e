package org.guitai.store.sale.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A gapless sequence (slip numbers, invoice numbers). The row is read with a write lock in the
 * transaction that uses the number, so a number is taken only if that transaction commits, and
 * two transactions never take the same one.
 */
@Entity
@Table(name = "number_counter")
public class NumberCounter {

    public static final String SLIP = "slip";

    @Id
    @Column(name = "name")
    private String name;

    @Column(name = "next_value")
    private long nextValue;

    protected NumberCounter() {
    }

    public long take() {
        return nextValue++;
    }
}
