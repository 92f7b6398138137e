package org.guitai.store.terminal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.guitai.kernel.security.TerminalSignature;
import org.guitai.platform.security.Caller;
import org.guitai.platform.security.ForbiddenException;
import org.guitai.platform.security.NotAuthenticatedException;
import org.guitai.platform.security.TerminalSignatures;
import org.guitai.store.audit.domain.AuditEvent;
import org.guitai.store.audit.service.AuditLog;
import org.guitai.store.staff.domain.Role;
import org.guitai.store.staff.service.StaffDirectory;
import org.guitai.store.terminal.domain.InvalidTerminalKeyException;
import org.guitai.store.terminal.domain.TerminalKey;

/**
 * The keys terminals sign with. A terminal's first key is taken from whoever is logged in at that
 * very terminal (the key pair was just made there); the same key again changes nothing; another key
 * for an enrolled terminal is a store manager's decision (a terminal replaced or its key lost), and
 * audited like the first. A signed request is taken when its terminal is enrolled and active here,
 * its key verifies the signature and its timestamp lies within ten minutes of the store's clock;
 * within that window a captured request could be sent again, which the calls that take signatures
 * bear: a sale document is recorded once per id, a state report says what a later one corrects, and
 * reading the catalog changes nothing.
 */
@ApplicationScoped
public class TerminalKeys implements TerminalSignatures {

    /** How far a signed request's timestamp may lie from the store's clock, either way. */
    static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(10);

    /** What an enrolment did. */
    public enum Outcome {
        ENROLLED, UNCHANGED, REPLACED
    }

    public record Enrolled(TerminalKey terminal, Outcome outcome) {
    }

    @Inject
    TerminalKeyRepository keys;

    @Inject
    StaffDirectory staff;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /**
     * The last key each terminal's requests were checked with, parsed once: only a cache of the
     * parsing. Whether the terminal is active and which key it has are read from the database at
     * every request, so a retired terminal or a replaced key is refused at once; a replaced key's
     * bytes differ and are parsed afresh.
     */
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    private record Parsed(byte[] x509, PublicKey key) {
    }

    /** Enrols the terminal's public key (base64 of its X.509 encoding), or keeps it when it is the one enrolled. */
    @Transactional
    public Enrolled enroll(String terminalId, String publicKey, Caller caller) {
        boolean manager = caller.has(Role.STORE_MANAGER);
        if (!terminalId.equals(caller.terminalId()) && !manager) {
            throw new ForbiddenException("a terminal's key is enrolled by staff logged in at that terminal; you are at " + caller.terminalId());
        }
        if (!staff.isActiveTerminal(terminalId)) {
            throw new ForbiddenException("terminal " + terminalId + " is not enrolled at this store");
        }
        byte[] x509;
        try {
            x509 = TerminalSignature.publicKey(publicKey).getEncoded();
        } catch (IllegalArgumentException e) {
            throw new InvalidTerminalKeyException("publicKey must be base64 of an Ed25519 public key's X.509 encoding (PublicKey.getEncoded()): "
                    + e.getMessage());
        }
        Instant now = clock.instant();
        Optional<TerminalKey> found = keys.findForUpdate(terminalId);
        TerminalKey terminal = found.orElseGet(() -> new TerminalKey(terminalId));
        if (terminal.holds(x509)) {
            return new Enrolled(terminal, Outcome.UNCHANGED);
        }
        if (terminal.isEnrolled()) {
            if (!manager) {
                throw new ForbiddenException("terminal " + terminalId + " already has a key: only a store manager may replace it");
            }
            String before = fingerprint(terminal.publicKey().orElseThrow());
            terminal.enroll(x509, caller.staffCode(), now);
            audit.record(AuditEvent.TERMINAL_KEY_REPLACED, AuditLog.Who.of(caller.staffCode(), terminalId), null, terminalId,
                    "key " + before + " of terminal " + terminalId + " replaced by " + fingerprint(x509) + " (from " + caller.terminalId() + ")");
            return new Enrolled(terminal, Outcome.REPLACED);
        }
        if (!terminalId.equals(caller.terminalId())) {
            throw new ForbiddenException("a terminal's first key is enrolled at that terminal; you are at " + caller.terminalId());
        }
        terminal.enroll(x509, caller.staffCode(), now);
        if (found.isEmpty()) {
            keys.add(terminal);
        }
        audit.record(AuditEvent.TERMINAL_ENROLLED, AuditLog.Who.of(caller), null, terminalId,
                "terminal " + terminalId + " enrolled key " + fingerprint(x509));
        return new Enrolled(terminal, Outcome.ENROLLED);
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public Caller verify(String terminalId, String timestamp, String signature, byte[] signedBytes) {
        Instant signedAt = instant(timestamp);
        Instant now = clock.instant();
        if (Duration.between(signedAt, now).abs().compareTo(TIMESTAMP_WINDOW) > 0) {
            throw new NotAuthenticatedException("the request was signed at " + timestamp + ", more than " + TIMESTAMP_WINDOW.toMinutes()
                    + " minutes from the store's clock (" + now + "): check the terminal's clock");
        }
        byte[] x509 = keys.keyOfActiveTerminal(terminalId)
                .orElseThrow(() -> new NotAuthenticatedException("terminal " + terminalId + " has no key enrolled at this store"));
        PublicKey key = publicKey(terminalId, x509);
        if (!TerminalSignature.verifies(key, signedBytes, signature)) {
            throw new NotAuthenticatedException("the signature is not terminal " + terminalId + "'s over this request");
        }
        return Caller.terminal(terminalId);
    }

    private PublicKey publicKey(String terminalId, byte[] x509) {
        Parsed known = parsed.get(terminalId);
        if (known != null && Arrays.equals(known.x509(), x509)) {
            return known.key();
        }
        PublicKey key = TerminalSignature.publicKey(x509);
        parsed.put(terminalId, new Parsed(x509.clone(), key));
        return key;
    }

    private static Instant instant(String timestamp) {
        try {
            return OffsetDateTime.parse(timestamp.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new NotAuthenticatedException("Guitai-Timestamp is an ISO-8601 instant with an offset, like 2026-12-06T02:20:00Z: " + timestamp);
        }
    }

    /** The start of the key's SHA-256, enough to tell keys apart in the audit log. */
    static String fingerprint(byte[] x509) {
        try {
            return "SHA-256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(x509), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
