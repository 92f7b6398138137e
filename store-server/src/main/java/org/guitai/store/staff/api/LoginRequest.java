package org.guitai.store.staff.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/*
 * Request records use only @NotNull and @Pattern: Payara 6.2025.10's OpenAPI generator fails
 * (NullPointerException in ApplicationProcessor.addSchemaParameter) on @Size, @NotBlank, @Min and
 * the like on any parameter without @PathParam, which includes a record's constructor parameters.
 */
public record LoginRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,16}", message = "must be 1 to 16 letters, digits or dashes") String terminalId,
                           @NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,16}", message = "must be 1 to 16 letters, digits or dashes") String staffCode,
                           @NotNull @Pattern(regexp = "\\S{1,64}", message = "must be 1 to 64 characters without spaces") String pin) {
}
