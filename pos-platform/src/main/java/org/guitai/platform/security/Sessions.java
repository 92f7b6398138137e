package org.guitai.platform.security;

/**
 * A server's sessions, as the token filter and the session endpoints need them: each server keeps
 * its own (staff, terminals, timeouts) and implements this once.
 */
public interface Sessions {

    /** @throws NotAuthenticatedException when the token is unknown, ended or expired */
    Caller resolve(String token);

    /** Ends the session of the token; an unknown one is already ended. */
    void logout(String token);
}
