package org.guitai.store.platform.security;

import java.util.Arrays;
import java.util.Set;
import org.guitai.store.staff.domain.Role;

/** The staff member behind a request, at the terminal where they logged in. */
public record Caller(String staffCode, String name, Set<Role> roles, String terminalId) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** @throws ForbiddenException unless the caller has one of the roles */
    public Caller require(String what, Role... anyOf) {
        if (Arrays.stream(anyOf).noneMatch(roles::contains)) {
            throw new ForbiddenException(what + " needs the role " + String.join(" or ", Arrays.stream(anyOf).map(Enum::name).toList()));
        }
        return this;
    }
}
