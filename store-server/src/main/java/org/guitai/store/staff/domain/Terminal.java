package org.guitai.store.staff.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.guitai.platform.persistence.Keyed;

/** A counter terminal enrolled at this store; staff log in only at enrolled, active terminals. */
@Entity
@Table(name = "terminal")
public class Terminal extends Keyed {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "name")
    private String name;

    @Column(name = "enrolled_at")
    private Instant enrolledAt;

    @Column(name = "active")
    private boolean active;

    protected Terminal() {
    }

    public Terminal(String id, String name, Instant enrolledAt) {
        this.id = id;
        this.name = name;
        this.enrolledAt = enrolledAt;
        this.active = true;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean isActive() {
        return active;
    }

    @Override
    protected Object key() {
        return id;
    }
}
