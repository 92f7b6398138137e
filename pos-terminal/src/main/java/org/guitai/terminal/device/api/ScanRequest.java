package org.guitai.terminal.device.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A label for the simulated scanner to read, as printed on the goods. */
public record ScanRequest(@NotNull @Pattern(regexp = "[\\x21-\\x7e]{1,64}", message = "is 1 to 64 printable ASCII characters") String data) {
}
