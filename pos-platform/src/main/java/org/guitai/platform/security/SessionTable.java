package org.guitai.platform.security;

import java.util.regex.Pattern;

/**
 * A server's table of staff sessions, with the columns {@code token_digest}, {@code staff_code},
 * [{@code terminal_id}, where sessions belong to a terminal], {@code started_at},
 * {@code last_seen_at} and {@code ended_at} (DATETIME(6), UTC). Its name is a constant of the
 * server's code, never input.
 */
public record SessionTable(String name, boolean perTerminal) {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    public SessionTable {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain table name: " + name);
        }
    }
}
