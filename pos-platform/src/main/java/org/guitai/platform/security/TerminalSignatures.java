package org.guitai.platform.security;

/**
 * The terminals a server knows by their keys: checks a request that a terminal signed instead of
 * carrying a session token ({@link org.guitai.kernel.security.TerminalSignature}). A server without
 * enrolled terminals has none, and the token filter refuses every signed request there.
 */
public interface TerminalSignatures {

    /**
     * The terminal that signed these bytes.
     *
     * @throws NotAuthenticatedException unless the terminal is enrolled, the signature is its key's and the timestamp is recent
     */
    Caller verify(String terminalId, String timestamp, String signature, byte[] signedBytes);
}
