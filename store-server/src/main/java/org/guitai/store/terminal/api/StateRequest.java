package org.guitai.store.terminal.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** What a terminal reports: the finished sales in its queue that the store has not acknowledged yet. */
public record StateRequest(@NotNull @Min(0) Integer pendingDocuments) {
}
