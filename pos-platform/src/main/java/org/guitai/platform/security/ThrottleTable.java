package org.guitai.platform.security;

import java.util.regex.Pattern;

/**
 * A server's table of wrong-secret tallies: one row per staff code, or per staff code and terminal
 * ({@code perTerminal}), with the columns {@code staff_code}, [{@code terminal_id}],
 * {@code failures}, {@code last_failure_at} and {@code locked_until} (DATETIME(6), UTC). Its name
 * is a constant of the server's code, never input.
 */
public record ThrottleTable(String name, boolean perTerminal) {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    public ThrottleTable {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain table name: " + name);
        }
    }

    /** The key columns' condition, with one parameter each. */
    String keyCondition() {
        return perTerminal ? "staff_code = ? and terminal_id = ?" : "staff_code = ?";
    }
}
