package org.guitai.hq.staff.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/* Only @NotNull and @Pattern: see the store server's LoginRequest for the Payara OpenAPI limitation. */
public record LoginRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,16}", message = "must be 1 to 16 letters, digits or dashes") String staffCode,
                           @NotNull @Pattern(regexp = "(?s)(?=.*\\S).{1,128}", message = "must be 1 to 128 characters") String password) {
}
