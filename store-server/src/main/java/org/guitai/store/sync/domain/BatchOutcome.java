package org.guitai.store.sync.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.guitai.kernel.contract.BatchReceipt;

/**
 * What HQ's receipt means for each event of the batch it answered. An accepted event is delivered
 * (also when HQ named it as rejected too); a rejected one is refused with HQ's reason; one HQ left
 * out of its receipt is refused as well, since HQ holds it as little as a rejected one. Either way
 * every event sent leaves the line, so refused events can never hold back the ones behind them.
 * Ids HQ names that were not sent are ignored.
 */
public record BatchOutcome(List<String> delivered, Map<String, String> refused) {

    public BatchOutcome {
        delivered = List.copyOf(delivered);
        refused = Map.copyOf(refused);
    }

    public static BatchOutcome of(Collection<UUID> sent, BatchReceipt receipt) {
        Set<UUID> accepted = new HashSet<>(receipt.accepted());
        Map<UUID, String> rejected = new LinkedHashMap<>();
        receipt.rejected().stream().filter(r -> r.id() != null)
                .forEach(r -> rejected.putIfAbsent(r.id(), r.reason() == null || r.reason().isBlank() ? "no reason given" : r.reason()));
        List<String> delivered = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (UUID id : sent) {
            if (accepted.contains(id)) {
                delivered.add(id.toString());
            } else if (rejected.containsKey(id)) {
                refused.put(id.toString(), "rejected by HQ: " + rejected.get(id));
            } else {
                refused.put(id.toString(), "HQ neither accepted nor rejected it in its receipt");
            }
        }
        return new BatchOutcome(delivered, refused);
    }
}
