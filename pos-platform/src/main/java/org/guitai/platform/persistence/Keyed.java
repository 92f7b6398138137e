package org.guitai.platform.persistence;

/**
 * An entity equal to another of its class exactly when their business keys are equal (a
 * client-generated UUID, a staff code, a SKU), never by a database id: two loads of one row are
 * equal, and a new entity is equal to itself before and after it is written. It holds no state
 * (and no final method, which JPA forbids on entities).
 */
public abstract class Keyed {

    /** The business key: never null, never changed. */
    protected abstract Object key();

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && key().equals(((Keyed) o).key());
    }

    @Override
    public int hashCode() {
        return key().hashCode();
    }
}
