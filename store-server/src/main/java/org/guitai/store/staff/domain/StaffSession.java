package org.guitai.store.staff.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.guitai.platform.security.SessionLife;

/**
 * A logged-in staff member at one terminal. Only a digest of the random token is stored, so a
 * leaked table opens no counter. A session ends at logout, after the idle timeout, after the
 * absolute timeout, or as soon as its staff member is disabled.
 */
@Entity
@Table(name = "staff_session")
public class StaffSession {

    @Id
    @Column(name = "token_digest")
    private String tokenDigest;

    @ManyToOne(optional = false)
    @JoinColumn(name = "staff_code")
    private Staff staff;

    @Column(name = "terminal_id")
    private String terminalId;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected StaffSession() {
    }

    public StaffSession(String tokenDigest, Staff staff, String terminalId, Instant now) {
        this.tokenDigest = tokenDigest;
        this.staff = staff;
        this.terminalId = terminalId;
        this.startedAt = now;
        this.lastSeenAt = now;
    }

    /** Live as {@link SessionLife} says, and only while its staff member is active. */
    public boolean isLive(Instant now, Duration idle, Duration absolute) {
        return staff.isActive() && SessionLife.isLive(now, startedAt, lastSeenAt, endedAt, idle, absolute);
    }

    public boolean isTouchDue(Instant now) {
        return SessionLife.isTouchDue(now, lastSeenAt);
    }

    /** Records activity. */
    public void touch(Instant now) {
        if (isTouchDue(now)) {
            lastSeenAt = now;
        }
    }

    public void end(Instant now) {
        if (endedAt == null) {
            endedAt = now;
        }
    }

    public Staff staff() {
        return staff;
    }

    public String terminalId() {
        return terminalId;
    }
}
