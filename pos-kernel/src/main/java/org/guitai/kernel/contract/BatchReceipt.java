package org.guitai.kernel.contract;

import java.util.List;
import java.util.UUID;

/**
 * HQ's answer to a batch. {@code accepted} holds every event id HQ now has (newly recorded or seen
 * before), so the store may mark them delivered; {@code rejected} names events HQ cannot read,
 * with the reason, which the store keeps and retries after a fix.
 */
public record BatchReceipt(List<UUID> accepted, List<Rejection> rejected) {

    public BatchReceipt {
        accepted = accepted == null ? List.of() : List.copyOf(accepted);
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    public record Rejection(UUID id, String reason) {
    }
}
