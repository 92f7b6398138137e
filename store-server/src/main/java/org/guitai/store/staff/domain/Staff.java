package org.guitai.store.staff.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.guitai.kernel.security.SlowHash;
import org.guitai.platform.persistence.Keyed;
import org.guitai.platform.security.RoleNames;

/** A member of the store's staff. The PIN is kept only as a slow salted hash. */
@Entity
@Table(name = "staff")
public class Staff extends Keyed {

    @Id
    @Column(name = "code")
    private String code;

    @Column(name = "name")
    private String name;

    @Column(name = "roles")
    private String roles;

    @Column(name = "pin_hash")
    private String pinHash;

    @Column(name = "active")
    private boolean active;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Staff() {
    }

    public Staff(String code, String name, Set<Role> roles, String pinHash, Instant createdAt) {
        this.code = Objects.requireNonNull(code);
        this.name = Objects.requireNonNull(name);
        this.roles = RoleNames.join(roles);
        this.pinHash = Objects.requireNonNull(pinHash);
        this.active = true;
        this.createdAt = createdAt;
    }

    public boolean pinMatches(String pin) {
        return SlowHash.matches(pin, pinHash);
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Set<Role> roles() {
        return RoleNames.parse(roles, Role.class);
    }

    public boolean has(Role role) {
        return roles().contains(role);
    }

    public boolean isActive() {
        return active;
    }

    /** Ends the member's access at once: their sessions stop being live. */
    public void disable() {
        this.active = false;
    }

    /** Sample data and re-enrolment: replaces name, roles and PIN hash. */
    public void update(String name, Set<Role> roles, String pinHash) {
        this.name = name;
        this.roles = RoleNames.join(roles);
        this.pinHash = pinHash;
        this.active = true;
    }

    @Override
    protected Object key() {
        return code;
    }
}
