package org.guitai.hq.staff.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.guitai.platform.security.SessionLife;

/** A logged-in HQ staff member; only a digest of the random token is stored. */
@Entity
@Table(name = "hq_session")
public class HqSession {

    @Id
    @Column(name = "token_digest")
    private String tokenDigest;

    @ManyToOne(optional = false)
    @JoinColumn(name = "staff_code")
    private HqStaff staff;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected HqSession() {
    }

    public HqSession(String tokenDigest, HqStaff staff, Instant now) {
        this.tokenDigest = tokenDigest;
        this.staff = staff;
        this.startedAt = now;
        this.lastSeenAt = now;
    }

    /** Live as {@link SessionLife} says, and only while its staff member is active. */
    public boolean isLive(Instant now, Duration idle, Duration absolute) {
        return staff.isActive() && SessionLife.isLive(now, startedAt, lastSeenAt, endedAt, idle, absolute);
    }

    public void touch(Instant now) {
        if (SessionLife.isTouchDue(now, lastSeenAt)) {
            lastSeenAt = now;
        }
    }

    public void end(Instant now) {
        if (endedAt == null) {
            endedAt = now;
        }
    }

    public HqStaff staff() {
        return staff;
    }
}
