package org.guitai.hq.staff.domain;

import java.util.Objects;
import java.util.Set;
import org.guitai.kernel.security.SlowHash;
import org.guitai.platform.security.Caller;

/**
 * A member of HQ staff, one row of {@code hq_staff}. The password is kept only as a slow salted
 * hash; a member needs at least one role.
 */
public record HqStaff(String code, String name, Set<HqRole> roles, String passwordHash, boolean active) {

    public HqStaff {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a staff member needs at least one role");
        }
        roles = Set.copyOf(roles);
    }

    /** A member enrolled now: active. */
    public static HqStaff enrolled(String code, String name, Set<HqRole> roles, String passwordHash) {
        return new HqStaff(code, name, roles, passwordHash, true);
    }

    public boolean passwordMatches(String password) {
        return SlowHash.matches(password, passwordHash);
    }

    public boolean isActive() {
        return active;
    }

    /** Who this member is in the requests of their sessions (HQ staff log in at no terminal). */
    public Caller caller() {
        return Caller.of(code, name, roles, null);
    }
}
