package org.guitai.kernel.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * How a counter terminal signs a request to its store when no one can log in there (the terminal
 * replays offline sales, fetches catalog changes, reports its state): Ed25519 over
 * {@code METHOD \n pathAndQuery \n timestamp \n} followed by the raw body. The path is the one
 * sent, from {@code /api/} on, with its query exactly as encoded; the timestamp is the
 * {@code Guitai-Timestamp} header's text, so the store need not re-format anything to check it.
 * Both sides use this one definition of the signed bytes.
 */
public final class TerminalSignature {

    public static final String TERMINAL_HEADER = "Guitai-Terminal";
    public static final String TIMESTAMP_HEADER = "Guitai-Timestamp";
    public static final String SIGNATURE_HEADER = "Guitai-Signature";
    public static final String ALGORITHM = "Ed25519";

    private TerminalSignature() {
    }

    /** The bytes signed: the request line's method and path, the timestamp, each ended by a newline, then the body as sent. */
    public static byte[] signedBytes(String method, String pathAndQuery, String timestamp, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((method + "\n" + pathAndQuery + "\n" + timestamp + "\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** The {@code Guitai-Signature} header's value: base64 of the Ed25519 signature. */
    public static String sign(PrivateKey key, byte[] signedBytes) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(signedBytes);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + e.getMessage(), e);
        }
    }

    /** Whether the base64 signature is the key's over these bytes; a malformed signature is simply not. */
    public static boolean verifies(PublicKey key, byte[] signedBytes, String signature) {
        try {
            byte[] raw = Base64.getDecoder().decode(signature.trim());
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signedBytes);
            return verifier.verify(raw);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * The public key of base64 X.509 SubjectPublicKeyInfo bytes ({@code PublicKey.getEncoded()}).
     *
     * @throws IllegalArgumentException unless they hold an Ed25519 public key
     */
    public static PublicKey publicKey(String base64) {
        try {
            return publicKey(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the public key is not base64: " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException unless the X.509 bytes hold an Ed25519 public key */
    public static PublicKey publicKey(byte[] x509) {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
            if (!key.getAlgorithm().equals("EdDSA") && !key.getAlgorithm().equals(ALGORITHM)) {
                throw new IllegalArgumentException("not an Ed25519 key but " + key.getAlgorithm());
            }
            return key;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (X.509 SubjectPublicKeyInfo): " + e.getMessage(), e);
        }
    }
}
