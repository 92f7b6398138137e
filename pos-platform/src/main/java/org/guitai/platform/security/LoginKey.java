package org.guitai.platform.security;

import java.util.Objects;
import java.util.Optional;

/** Whose wrong secrets are counted together: a staff code, at one terminal where the server counts per terminal. */
public record LoginKey(String staffCode, Optional<String> terminalId) {

    public LoginKey {
        Objects.requireNonNull(staffCode, "staffCode");
        Objects.requireNonNull(terminalId, "terminalId");
    }

    public static LoginKey atTerminal(String staffCode, String terminalId) {
        return new LoginKey(staffCode, Optional.of(terminalId));
    }

    public static LoginKey anywhere(String staffCode) {
        return new LoginKey(staffCode, Optional.empty());
    }
}
