package org.guitai.store.terminal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.guitai.platform.persistence.Keyed;

/**
 * A terminal's standing with the store: the public key it signs with, once enrolled, and the
 * number of finished sales it last reported as not yet sent. A key is replaced, never removed: a
 * terminal that was trusted once stays answerable for what it signed.
 */
@Entity
@Table(name = "terminal_key")
public class TerminalKey extends Keyed {

    @Id
    @Column(name = "terminal_id")
    private String terminalId;

    @Column(name = "public_key")
    private byte[] publicKey;

    @Column(name = "enrolled_by")
    private String enrolledBy;

    @Column(name = "enrolled_at")
    private Instant enrolledAt;

    @Column(name = "pending_documents")
    private int pendingDocuments;

    @Column(name = "reported_at")
    private Instant reportedAt;

    protected TerminalKey() {
    }

    public TerminalKey(String terminalId) {
        this.terminalId = Objects.requireNonNull(terminalId);
    }

    /** Takes this key from now on (X.509 bytes, already checked to be an Ed25519 public key). */
    public void enroll(byte[] x509, String staffCode, Instant at) {
        this.publicKey = x509.clone();
        this.enrolledBy = Objects.requireNonNull(staffCode);
        this.enrolledAt = Objects.requireNonNull(at);
    }

    /** What the terminal says it still has to send, as of now. */
    public void report(int pending, Instant at) {
        if (pending < 0) {
            throw new IllegalArgumentException("a terminal cannot have fewer than no sales to send: " + pending);
        }
        this.pendingDocuments = pending;
        this.reportedAt = at;
    }

    public boolean isEnrolled() {
        return publicKey != null;
    }

    public boolean holds(byte[] x509) {
        return publicKey != null && Arrays.equals(publicKey, x509);
    }

    public String terminalId() {
        return terminalId;
    }

    public Optional<byte[]> publicKey() {
        return Optional.ofNullable(publicKey).map(byte[]::clone);
    }

    public Optional<String> enrolledBy() {
        return Optional.ofNullable(enrolledBy);
    }

    public Optional<Instant> enrolledAt() {
        return Optional.ofNullable(enrolledAt);
    }

    public int pendingDocuments() {
        return pendingDocuments;
    }

    public Optional<Instant> reportedAt() {
        return Optional.ofNullable(reportedAt);
    }

    @Override
    protected Object key() {
        return terminalId;
    }
}
