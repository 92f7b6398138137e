package org.guitai.hq.staff.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.guitai.kernel.security.SlowHash;

/** A member of HQ staff. The password is kept only as a slow salted hash. */
@Entity
@Table(name = "hq_staff")
public class HqStaff {

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
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("HQ staff need at least one role");
        }
        this.code = code;
        this.name = name;
        this.roles = roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.passwordHash = passwordHash;
        this.active = true;
        this.createdAt = createdAt;
    }

    public boolean passwordMatches(String password) {
        return SlowHash.matches(password, passwordHash);
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Set<HqRole> roles() {
        return Arrays.stream(roles.split(",")).map(HqRole::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(HqRole.class)));
    }

    public boolean isActive() {
        return active;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HqStaff other && code.equals(other.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }
}
