package org.guitai.store.terminal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.guitai.kernel.security.TerminalSignature;
import org.guitai.platform.security.Caller;
import org.guitai.platform.security.NotAuthenticatedException;
import org.guitai.store.terminal.domain.TerminalKey;
import org.junit.jupiter.api.Test;

/** Which signed requests the store takes: the enrolled key's, of an active terminal, signed within ten minutes of its clock. */
class TerminalKeysTest {

    private static final Instant NOW = Instant.parse("2026-12-06T02:20:00Z");
    private static final byte[] BODY = "{\"pendingDocuments\":1}".getBytes(StandardCharsets.UTF_8);

    private final KeyPair pair;
    private final TerminalKey enrolled;
    private final TerminalKeys keys = new TerminalKeys();
    private final Set<String> activeTerminals = new java.util.HashSet<>(Set.of("T7"));

    TerminalKeysTest() throws Exception {
        pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        enrolled = new TerminalKey("T7");
        enrolled.enroll(pair.getPublic().getEncoded(), "C001", NOW.minusSeconds(86_400));
        keys.keys = new TerminalKeyRepository() {
            @Override
            public Optional<byte[]> keyOfActiveTerminal(String terminalId) {
                return terminalId.equals("T7") && activeTerminals.contains(terminalId) ? enrolled.publicKey() : Optional.empty();
            }
        };
        keys.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    private Caller verify(String terminalId, String timestamp, PrivateKey signer) {
        byte[] signed = TerminalSignature.signedBytes("PUT", "/api/terminals/T7/state", timestamp, BODY);
        return keys.verify(terminalId, timestamp, TerminalSignature.sign(signer, signed), signed);
    }

    @Test
    void theEnrolledKeysSignatureMakesTheTerminalTheCaller() {
        Caller caller = verify("T7", NOW.toString(), pair.getPrivate());
        assertTrue(caller.isTerminal());
        assertEquals("T7", caller.terminalId());
        assertEquals(null, caller.staffCode(), "no staff member stands behind it");
    }

    @Test
    void theTimestampMayLieUpToTenMinutesEitherWayAndCarryAnyOffset() {
        verify("T7", NOW.minusSeconds(600).toString(), pair.getPrivate());
        verify("T7", NOW.plusSeconds(600).toString(), pair.getPrivate());
        verify("T7", "2026-12-06T10:25:00+08:00", pair.getPrivate());
        assertThrows(NotAuthenticatedException.class, () -> verify("T7", NOW.minusSeconds(601).toString(), pair.getPrivate()));
        assertThrows(NotAuthenticatedException.class, () -> verify("T7", NOW.plusSeconds(601).toString(), pair.getPrivate()));
        assertThrows(NotAuthenticatedException.class, () -> verify("T7", "06.12.2026 02:20", pair.getPrivate()));
    }

    @Test
    void anotherKeyAnUnknownOrRetiredTerminalIsNotAuthenticated() throws Exception {
        PrivateKey stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        assertThrows(NotAuthenticatedException.class, () -> verify("T7", NOW.toString(), stranger));
        assertThrows(NotAuthenticatedException.class, () -> verify("T8", NOW.toString(), pair.getPrivate()));
        activeTerminals.remove("T7");
        assertThrows(NotAuthenticatedException.class, () -> verify("T7", NOW.toString(), pair.getPrivate()));
    }

    @Test
    void aReplacedKeyIsTakenAtTheNextRequestAndTheOldOneRefused() throws Exception {
        verify("T7", NOW.toString(), pair.getPrivate());
        KeyPair replacement = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        enrolled.enroll(replacement.getPublic().getEncoded(), "M001", NOW);
        assertThrows(NotAuthenticatedException.class, () -> verify("T7", NOW.toString(), pair.getPrivate()));
        assertEquals("T7", verify("T7", NOW.toString(), replacement.getPrivate()).terminalId());
    }

    @Test
    void aFingerprintTellsKeysApartWithoutShowingThem() throws Exception {
        String fingerprint = TerminalKeys.fingerprint(pair.getPublic().getEncoded());
        assertTrue(fingerprint.matches("SHA-256:[0-9a-f]{16}"), fingerprint);
        assertTrue(!fingerprint.equals(TerminalKeys.fingerprint(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded())));
    }
}
