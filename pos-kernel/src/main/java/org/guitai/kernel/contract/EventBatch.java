package org.guitai.kernel.contract;

import java.util.List;

/** What a store posts to HQ: {@code POST /api/stores/{storeId}/events}, authenticated by the store's credential. */
public record EventBatch(String storeId, List<StoreEvent> events) {

    public EventBatch {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
