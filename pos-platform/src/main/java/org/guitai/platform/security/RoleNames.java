package org.guitai.platform.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A staff member's roles as a server keeps them in one column: their names, sorted, comma-separated. */
public final class RoleNames {

    private RoleNames() {
    }

    public static String join(Set<? extends Enum<?>> roles) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a staff member needs at least one role");
        }
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    public static <R extends Enum<R>> Set<R> parse(String column, Class<R> roles) {
        return Arrays.stream(column.split(",")).map(name -> Enum.valueOf(roles, name))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(roles)));
    }
}
