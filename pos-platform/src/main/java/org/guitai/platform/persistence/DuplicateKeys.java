package org.guitai.platform.persistence;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * What MariaDB said when a write lost to another: a duplicate key, a deadlock, a lock wait that ran
 * out. Creating something under a client-generated id: when two identical requests race, the
 * loser's insert fails on the unique key; it then answers with what the winner created.
 */
public final class DuplicateKeys {

    /** MariaDB's ER_DUP_ENTRY. */
    private static final int DUPLICATE_ENTRY = 1062;
    /** MariaDB's ER_LOCK_DEADLOCK. */
    private static final int DEADLOCK = 1213;
    /** MariaDB's ER_LOCK_WAIT_TIMEOUT. */
    private static final int LOCK_WAIT_TIMEOUT = 1205;

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

    /** A unique or primary key refused a second row with the same key, anywhere in the cause chain. */
    public static boolean isDuplicateKey(Throwable failure) {
        return hasErrorCode(failure, DUPLICATE_ENTRY);
    }

    public static boolean isDeadlock(Throwable failure) {
        return hasErrorCode(failure, DEADLOCK);
    }

    public static boolean isLockWaitTimeout(Throwable failure) {
        return hasErrorCode(failure, LOCK_WAIT_TIMEOUT);
    }

    private static boolean hasErrorCode(Throwable failure, int code) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == code) {
                return true;
            }
        }
        return false;
    }
}
