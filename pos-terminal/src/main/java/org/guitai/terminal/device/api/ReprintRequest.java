package org.guitai.terminal.device.api;

import jakarta.validation.constraints.Pattern;

/** What prints again, as a copy: a sale's paid slip (saleId) or a return's slip (returnId), exactly one of them. */
public record ReprintRequest(@Pattern(regexp = "[A-Za-z0-9-]{1,64}", message = "is a sale id") String saleId,
                             @Pattern(regexp = "[A-Za-z0-9-]{1,64}", message = "is a return id") String returnId) {
}
