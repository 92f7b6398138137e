package org.guitai.terminal.counter.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A member logging in at this counter: their staff code and PIN (the terminal id is this terminal's). */
public record LoginRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9]{1,16}", message = "must be a staff code") String staffCode,
                           @NotNull @Pattern(regexp = "(?s).{1,64}", message = "must be 1 to 64 characters") String pin) {

    /** The PIN never shows in a log line or an exception quoting the request. */
    @Override
    public String toString() {
        return "LoginRequest[staffCode=" + staffCode + ", pin=(not shown)]";
    }
}
