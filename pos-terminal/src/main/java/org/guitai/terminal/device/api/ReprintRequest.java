package org.guitai.terminal.device.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The sale whose paid slip prints again, as a copy. */
public record ReprintRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,64}", message = "is a sale id") String saleId) {
}
