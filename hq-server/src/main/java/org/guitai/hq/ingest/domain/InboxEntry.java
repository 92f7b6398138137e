package org.guitai.hq.ingest.domain;

import java.time.Instant;
import org.guitai.kernel.contract.StoreEvent;

/**
 * A store's event HQ has applied: one row of {@code inbox} per (store, event id), written in the
 * same transaction as the event's effects, so a redelivered event is recognised and applied once.
 *
 * @param occurredAt when the store says the event happened
 * @param receivedAt when HQ first recorded it
 */
public record InboxEntry(String storeId, String eventId, String type, Instant occurredAt, Instant receivedAt) {

    public record Key(String storeId, String eventId) {
    }

    /** The entry of {@code event} from {@code storeId}, received at HQ's {@code now}. */
    public static InboxEntry received(String storeId, StoreEvent event, Instant now) {
        return new InboxEntry(storeId, event.id().toString(), event.type(), event.occurredAt(), now);
    }

    public Key key() {
        return new Key(storeId, eventId);
    }
}
