package org.guitai.store.platform.persistence;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Creating something under a client-generated id: when two identical requests race, the loser's
 * insert fails on the unique key at commit; it then answers with what the winner created.
 */
public final class DuplicateKeys {

    private DuplicateKeys() {
    }

    /** Runs {@code create} (its own transaction); on a duplicate-key failure answers {@code existing} instead. */
    public static <T> T createOrExisting(Supplier<T> create, Supplier<T> existing) {
        try {
            return create.get();
        } catch (RuntimeException e) {
            if (isDuplicateKey(e)) {
                return existing.get();
            }
            throw e;
        }
    }

    /** SQLState class 23 (integrity constraint violation) anywhere in the cause chain. */
    public static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
