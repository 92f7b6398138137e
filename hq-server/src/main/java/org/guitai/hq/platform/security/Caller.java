package org.guitai.hq.platform.security;

import java.util.Set;
import org.guitai.hq.staff.domain.HqRole;

/** The HQ staff member behind a request. */
public record Caller(String staffCode, String name, Set<HqRole> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }
}
