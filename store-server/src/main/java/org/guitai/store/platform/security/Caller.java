package org.guitai.store.platform.security;

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
}
