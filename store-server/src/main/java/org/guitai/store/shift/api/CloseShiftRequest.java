package org.guitai.store.shift.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;

/** The drawer counted blind by denomination; {@code approvalId}: a manager's CASH_DIFFERENCE approval when the difference is beyond the limit. */
public record CloseShiftRequest(@NotNull List<@NotNull @Valid CountedPieces> counted, UUID approvalId) {
}
