package org.guitai.kernel.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The bytes a terminal signs and the store checks, and which keys the store takes. */
class TerminalSignatureTest {

    private static final String TIMESTAMP = "2026-12-06T02:20:00Z";

    @Test
    void theSignedBytesAreMethodPathAndTimestampEachOnALineThenTheBody() {
        byte[] body = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals("POST\n/api/sales/documents\n2026-12-06T02:20:00Z\n{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8),
                TerminalSignature.signedBytes("POST", "/api/sales/documents", TIMESTAMP, body));
        assertArrayEquals("GET\n/api/catalog/changes?since=42\n2026-12-06T02:20:00Z\n".getBytes(StandardCharsets.UTF_8),
                TerminalSignature.signedBytes("GET", "/api/catalog/changes?since=42", TIMESTAMP, new byte[0]), "a GET signs an empty body");
    }

    @Test
    void aSignatureVerifiesWithItsKeyOverExactlyTheSameBytes() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] signed = TerminalSignature.signedBytes("PUT", "/api/terminals/T1/state", TIMESTAMP, "{\"pendingDocuments\":2}".getBytes(StandardCharsets.UTF_8));
        String signature = TerminalSignature.sign(pair.getPrivate(), signed);
        PublicKey received = TerminalSignature.publicKey(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));

        assertTrue(TerminalSignature.verifies(received, signed, signature));
        byte[] tampered = TerminalSignature.signedBytes("PUT", "/api/terminals/T1/state", TIMESTAMP, "{\"pendingDocuments\":0}".getBytes(StandardCharsets.UTF_8));
        assertFalse(TerminalSignature.verifies(received, tampered, signature), "another body");
        assertFalse(TerminalSignature.verifies(received, TerminalSignature.signedBytes("PUT", "/api/terminals/T2/state", TIMESTAMP,
                "{\"pendingDocuments\":2}".getBytes(StandardCharsets.UTF_8)), signature), "another path");
        PublicKey other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        assertFalse(TerminalSignature.verifies(other, signed, signature), "another terminal's key");
        assertFalse(TerminalSignature.verifies(received, signed, "not base64 at all!"), "a malformed signature is no signature");
        assertFalse(TerminalSignature.verifies(received, signed, Base64.getEncoder().encodeToString(new byte[64])));
    }

    @Test
    void onlyAnEd25519PublicKeyIsTaken() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> TerminalSignature.publicKey("not base64!"));
        assertThrows(IllegalArgumentException.class, () -> TerminalSignature.publicKey(Base64.getEncoder().encodeToString(new byte[44])));
        String rsa = Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic().getEncoded());
        assertThrows(IllegalArgumentException.class, () -> TerminalSignature.publicKey(rsa));
        String ed448 = Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("Ed448").generateKeyPair().getPublic().getEncoded());
        assertThrows(IllegalArgumentException.class, () -> TerminalSignature.publicKey(ed448));
    }
}
