package org.guitai.store.terminal.api;

import jakarta.validation.constraints.NotNull;
import org.guitai.platform.problem.InvalidRequestException;

/** What a terminal reports: the finished sales in its queue that the store has not acknowledged yet. */
public record StateRequest(@NotNull Integer pendingDocuments) {

    /** The count, 0 or more (checked here, not with @Min, which Payara's OpenAPI generator fails on: see LoginRequest). */
    int pending() {
        if (pendingDocuments < 0) {
            throw new InvalidRequestException("pendingDocuments is a count of sales, 0 or more: " + pendingDocuments);
        }
        return pendingDocuments;
    }
}
