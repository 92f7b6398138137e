package org.guitai.store.staff.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.guitai.kernel.security.SlowHash;

/** A member of the store's staff. The PIN is kept only as a slow salted hash. */
@Entity
@Table(name = "staff")
public class Staff {

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
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a staff member needs at least one role");
        }
        this.code = Objects.requireNonNull(code);
        this.name = Objects.requireNonNull(name);
        this.roles = roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
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
        return Arrays.stream(roles.split(",")).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
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
        this.roles = roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.pinHash = pinHash;
        this.active = true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Staff other && code.equals(other.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }
}
