package org.guitai.hq.ingest.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.guitai.kernel.contract.StoreEvent;

/**
 * A store event HQ has applied. Its key is (store, event id): event ids are the store's own, so the
 * same id from another store is another event.
 */
@Entity
@Table(name = "inbox")
@IdClass(InboxEntry.Key.class)
public class InboxEntry {

    public record Key(String storeId, String eventId) implements Serializable {
    }

    @Id
    @Column(name = "store_id")
    private String storeId;

    @Id
    @Column(name = "event_id")
    private String eventId;

    @Column(name = "type")
    private String type;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    @Column(name = "received_at")
    private Instant receivedAt;

    protected InboxEntry() {
    }

    public InboxEntry(String storeId, String eventId, String type, Instant occurredAt, Instant receivedAt) {
        this.storeId = storeId;
        this.eventId = eventId;
        this.type = type;
        this.occurredAt = occurredAt;
        this.receivedAt = receivedAt;
    }

    /** The entry of {@code event} from {@code storeId}, received at HQ's {@code now}. */
    public static InboxEntry received(String storeId, StoreEvent event, Instant now) {
        return new InboxEntry(storeId, event.id().toString(), event.type(), event.occurredAt(), now);
    }

    public Key key() {
        return new Key(storeId, eventId);
    }

    public String type() {
        return type;
    }

    /** When the store says the event happened. */
    public Instant occurredAt() {
        return occurredAt;
    }

    /** When HQ first recorded it. */
    public Instant receivedAt() {
        return receivedAt;
    }
}
