package org.guitai.store.shift.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;

/** A shift opened at a terminal with its float counted by denomination, {@code "float"} on the wire (a name Java cannot give it). */
public record OpenShiftRequest(@NotNull UUID id,
                               @NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,16}", message = "must be 1 to 16 letters, digits or dashes") String terminalId,
                               @JsonbProperty("float") @NotNull List<@NotNull @Valid CountedPieces> openingFloat) {
}
