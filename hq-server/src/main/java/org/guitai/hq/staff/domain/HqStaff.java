package org.guitai.hq.staff.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import org.guitai.kernel.security.SlowHash;
import org.guitai.platform.persistence.Keyed;
import org.guitai.platform.security.Caller;
import org.guitai.platform.security.RoleNames;

/** A member of HQ staff. The password is kept only as a slow salted hash. */
@Entity
@Table(name = "hq_staff")
public class HqStaff extends Keyed {

    @Id
    @Column(name = "code")
    private String code;

    @Column(name = "name")
    private String name;

    @Column(name = "roles")
    private String roles;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "active")
    private boolean active;

    @Column(name = "created_at")
    private Instant createdAt;

    protected HqStaff() {
    }

    public HqStaff(String code, String name, Set<HqRole> roles, String passwordHash, Instant createdAt) {
        this.code = code;
        this.name = name;
        this.roles = RoleNames.join(roles);
        this.passwordHash = passwordHash;
        this.active = true;
        this.createdAt = createdAt;
    }

    public boolean passwordMatches(String password) {
        return SlowHash.matches(password, passwordHash);
    }

    /** Who this member is in the requests of their sessions (HQ staff log in at no terminal). */
    public Caller caller() {
        return Caller.of(code, name, RoleNames.parse(roles, HqRole.class), null);
    }

    public boolean isActive() {
        return active;
    }

    @Override
    protected Object key() {
        return code;
    }
}
